// Root config: every project's own jest.config.js, with the engines (DynamoDB Local, local SQS,
// test JWKS) started once for the whole run by the global setup.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const projectDirs = [
  ...['apps'].flatMap((top) => readdirSync(path.join(__dirname, top)).map((name) => path.join(top, name))),
  ...readdirSync(path.join(__dirname, 'libs')).flatMap((group) =>
    readdirSync(path.join(__dirname, 'libs', group)).map((name) => path.join('libs', group, name)),
  ),
  'tools',
];

module.exports = {
  projects: projectDirs
    .map((dir) => path.join(__dirname, dir, 'jest.config.js'))
    .filter((file) => existsSync(file)),
  globalSetup: '<rootDir>/libs/testing/engines/src/jest-global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/engines/src/jest-global-teardown.js',
};
