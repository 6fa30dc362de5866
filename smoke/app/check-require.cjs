// The CommonJS builds through `require` (the server is ESM-only and is not among them).
const expected = {
  '@belfry/core': ['createBelfry', 'BelfryError'],
  '@belfry/core/api': [],
  '@belfry/react': ['BelfryProvider', 'Inbox', 'Feed', 'useFeed', 'belfryStyles'],
  '@belfry/react/locales': ['de', 'MESSAGES'],
  '@belfry/web-component': ['BelfryInboxElement', 'defineBelfryElements'],
};
const result = {};
for (const [name, keys] of Object.entries(expected)) {
  const mod = require(name);
  const file = require.resolve(name);
  result[name] = { missing: keys.filter((k) => !(k in mod)), cjs: file.endsWith('.cjs'), exports: Object.keys(mod).length };
}
console.log(JSON.stringify(result));
