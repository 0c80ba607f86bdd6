// Root config: every project's own jest.config.js, with the engines (DynamoDB Local, local SQS,
// test JWKS) started once for the whole run by the global setup.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const projectDirs = [
  ...['apps'].flatMap((top) => readdirSync(path.join(__dirname, top)).map((name) => path.join(top, name))),
  // libs/<group>/<name>, and libs/<name> for a lib that is a project of its own (the SDK)
  ...readdirSync(path.join(__dirname, 'libs')).flatMap((group) =>
    existsSync(path.join(__dirname, 'libs', group, 'project.json'))
      ? [path.join('libs', group)]
      : readdirSync(path.join(__dirname, 'libs', group)).map((name) => path.join('libs', group, name)),
  ),
  'tools',
];

module.exports = {
  projects: projectDirs
    .map((dir) => path.join(__dirname, dir, 'jest.config.js'))
    .filter((file) => existsSync(file)),
  // A global option (the projects' own testTimeout counts only when a project runs alone): suites start
  // apps and talk to real engines, and a busy 2-core machine can take longer than Jest's 5 s default.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/libs/testing/engines/src/jest-global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/engines/src/jest-global-teardown.js',
};
