// Jest global teardown: stops what the global setup started (no engine process outlives the run).
require('./alias-resolver').installAliasResolver();

module.exports = async () => {
  const { globalTeardown } = require('./global-setup.ts');
  await globalTeardown();
};
