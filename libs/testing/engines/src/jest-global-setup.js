// Jest global setup (root and per-project configs point here): starts the test engines.
require('./alias-resolver').installAliasResolver();

module.exports = async () => {
  const { globalSetup } = require('./global-setup.ts');
  await globalSetup();
};
