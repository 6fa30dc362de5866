// Preloaded (NODE_OPTIONS --require) when the test suites run on the second Node major: node_modules
// holds better-sqlite3 compiled for the machine's Node, so its addon is loaded from the build made
// for this Node's ABI (scripts/secondNode.mjs) instead. Nothing else changes.
const binding = process.env.BELFRY_SQLITE_BINDING;
if (binding) {
  const dlopen = process.dlopen;
  process.dlopen = function (module, filename, ...rest) {
    const target = /[\\/]better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/.test(filename) ? binding : filename;
    return dlopen.call(this, module, target, ...rest);
  };
}
