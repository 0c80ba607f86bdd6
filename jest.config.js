// Root config: every project's own jest.config.js, with the engines (DynamoDB Local, local SQS,
// test JWKS) started once for the whole run by the global setup.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/*/jest.config.js', '<rootDir>/tools/jest.config.js'],
  globalSetup: '<rootDir>/libs/testing/engines/src/jest-global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/engines/src/jest-global-teardown.js',
};
