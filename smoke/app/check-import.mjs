// Every package through `import`, as Node resolves it for an npm user (no custom conditions).
const expected = {
  '@belfry/core': ['createBelfry', 'BelfryError'],
  '@belfry/core/api': [],
  '@belfry/react': ['BelfryProvider', 'Inbox', 'Feed', 'useFeed', 'belfryStyles'],
  '@belfry/react/locales': ['de', 'MESSAGES'],
  '@belfry/web-component': ['BelfryInboxElement', 'defineBelfryElements'],
  '@belfry/server': ['createBelfryServer', 'userKeyFor'],
};
const result = {};
for (const [name, keys] of Object.entries(expected)) {
  const mod = await import(name);
  result[name] = { missing: keys.filter((k) => !(k in mod)), exports: Object.keys(mod).length };
}
console.log(JSON.stringify(result));
