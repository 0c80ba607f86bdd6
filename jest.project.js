// One project's Jest config. Run from the root config (npm test) the engines are started once by the
// root global setup; run alone (nx test <project>) the project starts them itself.
const preset = require('./jest.preset.js');

module.exports = (dir, name) => ({
  ...preset,
  displayName: name,
  rootDir: dir,
  ...(process.env.BBWS_JEST_ROOT
    ? {}
    : {
        globalSetup: `${__dirname}/libs/testing/engines/src/jest-global-setup.js`,
        globalTeardown: `${__dirname}/libs/testing/engines/src/jest-global-teardown.js`,
      }),
});
