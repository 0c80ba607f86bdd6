// Shared Jest settings: SWC transform (with decorator metadata for NestJS) and the tsconfig path aliases.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const ESM_ONLY_PACKAGES = [
  '@octokit',
  'universal-user-agent',
  'before-after-hook',
  'json-with-bigint',
  'toad-cache',
  'content-type',
];
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, path.join(root, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
    // ESM-only packages (Octokit and its helpers) compiled to CommonJS for Jest; Node loads them natively.
    '^.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|int-spec|e2e-spec|wp-spec|rel-spec).ts'],
  setupFiles: ['reflect-metadata'],
  // Suites start apps and talk to real engines: a busy 2-core machine can take longer than Jest's 5 s default.
  testTimeout: 30_000,
};
