// Jest loads global setup/teardown with its TS transform but without the moduleNameMapper, so the
// @bbws/* path aliases the setup code (and the libs it uses) import are resolved here, for the
// lifetime of the Jest main process. Only requests starting with `@bbws/` are touched.
const Module = require('node:module');
const path = require('node:path');

const HOOKED = Symbol.for('bbws.testing-engines.alias-resolver');

function installAliasResolver() {
  if (Module[HOOKED]) return;
  const root = path.resolve(__dirname, '../../../..');
  const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
  const aliases = new Map(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]),
  );
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveWithAliases(request, ...rest) {
    const target = request.startsWith('@bbws/') ? aliases.get(request) : undefined;
    return resolve.call(this, target ?? request, ...rest);
  };
  Module[HOOKED] = true;
}

module.exports = { installAliasResolver };
