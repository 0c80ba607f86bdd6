import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.wp-spec.ts', '**/test/**/*.ts'];

/**
 * Which layers may import which (STYLE.md). Tests may also import the testing libs. The platform and
 * integrations see no DAO: of data-access only the DynamoDB types lib (`kind:dynamo-types`), so what
 * they pass on (e.g. an operation's extra writes) stays opaque.
 */
const layerConstraints = (extraForApps = [], platformDataAccess = ['kind:dynamo-types']) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:integration', 'type:util', ...extraForApps] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', ...platformDataAccess, 'type:integration', 'type:util', ...extraForApps] },
  { sourceTag: 'type:integration', onlyDependOnLibsWithTags: ['type:integration', ...platformDataAccess, 'type:util', ...extraForApps] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', ...extraForApps] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...extraForApps] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:data-access', 'type:integration', 'type:util'] },
  // tools/ (local platform, bench, build and test scripts): uses any lib, and no project may import it.
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:testing', 'type:platform', 'type:data-access', 'type:integration', 'type:util'] },
];

/**
 * Which domains may import which: a service's own scope plus shared; workers and the front door see all.
 * Every scope may use the test factories (scope:testing, they build every domain's entities): the
 * type:testing layer already keeps them out of production code.
 */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:testing'] },
  { sourceTag: 'scope:tenants', onlyDependOnLibsWithTags: ['scope:tenants', 'scope:shared', 'scope:instances', 'scope:operations', 'scope:testing'] },
  { sourceTag: 'scope:instances', onlyDependOnLibsWithTags: ['scope:instances', 'scope:shared', 'scope:operations', 'scope:testing'] },
  { sourceTag: 'scope:sites', onlyDependOnLibsWithTags: ['scope:sites', 'scope:shared', 'scope:instances', 'scope:catalogue', 'scope:operations', 'scope:testing'] },
  { sourceTag: 'scope:catalogue', onlyDependOnLibsWithTags: ['scope:catalogue', 'scope:shared', 'scope:testing'] },
  { sourceTag: 'scope:operations', onlyDependOnLibsWithTags: ['scope:operations', 'scope:shared', 'scope:testing'] },
  { sourceTag: 'scope:workers', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:edge', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['*'] },
];

/** Cycles only test files close: a lib's own specs use the factories that build its entities. */
const testOnlyCycles = ['data-access-tenants', 'data-access-memberships', 'data-access-operations', 'platform-auth'].map((lib) => ['testing-factories', lib]);

const boundaries = (depConstraints, scopes = scopeConstraints) => ({
  '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], ignoredCircularDependencies: testOnlyCycles, depConstraints: [...depConstraints, ...scopes] }],
});

/** The operations runtime's int-specs (a shared lib) run it on the operations DAO (scope:operations). */
const operationsRuntimeTestScopes = scopeConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:shared'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:operations'] }
    : constraint,
);

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/.cache', '**/.nx', 'docker/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      ...boundaries(layerConstraints()),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: testFiles,
    rules: {
      ...boundaries(layerConstraints(['type:testing'])),
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // Left over: tenant access reads memberships through the DAO itself (issue 9 item 2 names the rule).
    files: ['libs/platform/auth/**/*.ts'],
    ignores: testFiles,
    rules: boundaries(layerConstraints([], ['type:data-access'])),
  },
  {
    files: testFiles.map((pattern) => `libs/platform/auth/${pattern}`),
    rules: boundaries(layerConstraints(['type:testing'], ['type:data-access'])),
  },
  {
    // The operations runtime's int-specs run it on the real operations DAO.
    files: ['libs/platform/operations/test/**/*.ts'],
    rules: boundaries(layerConstraints(['type:testing'], ['type:data-access']), operationsRuntimeTestScopes),
  },
  {
    // Test harness libraries hand loosely typed JSON bodies to tests.
    files: ['libs/testing/**/*.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  prettier,
];
