import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import jest from 'eslint-plugin-jest';
import { builtinRules } from 'eslint/use-at-your-own-risk';

const testFiles = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.wp-spec.ts',
  '**/*.rel-spec.ts',
  '**/test/**/*.ts',
];

/**
 * Which layers may import which (STYLE.md). Tests may also import the testing libs. The platform and
 * integrations see no DAO: of data-access only the DynamoDB types lib (`kind:dynamo-types`), so what
 * they pass on (e.g. an operation's extra writes) stays opaque.
 */
const layerConstraints = (extraForApps = [], platformDataAccess = ['kind:dynamo-types']) => [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:platform',
      'type:data-access',
      'type:integration',
      'type:util',
      'type:sdk',
      ...extraForApps,
    ],
  },
  // The SDK is published alone: it depends on no lib of ours.
  { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:sdk'] },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: [
      'type:platform',
      ...platformDataAccess,
      'type:integration',
      'type:util',
      ...extraForApps,
    ],
  },
  {
    sourceTag: 'type:integration',
    onlyDependOnLibsWithTags: ['type:integration', ...platformDataAccess, 'type:util', ...extraForApps],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', ...extraForApps],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...extraForApps] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:testing',
      'type:platform',
      'type:data-access',
      'type:integration',
      'type:util',
    ],
  },
  // tools/ (local platform, bench, build and test scripts): uses any lib, and no project may import it.
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: [
      'type:testing',
      'type:platform',
      'type:data-access',
      'type:integration',
      'type:util',
      'type:sdk',
    ],
  },
];

/**
 * Which domains may import which: a service's own scope plus shared; workers and the front door see all.
 * Every scope may use the test factories (scope:testing, they build every domain's entities): the
 * type:testing layer already keeps them out of production code.
 */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:testing'] },
  {
    sourceTag: 'scope:tenants',
    onlyDependOnLibsWithTags: [
      'scope:tenants',
      'scope:shared',
      'scope:instances',
      'scope:operations',
      'scope:testing',
    ],
  },
  {
    sourceTag: 'scope:instances',
    onlyDependOnLibsWithTags: ['scope:instances', 'scope:shared', 'scope:operations', 'scope:testing'],
  },
  {
    sourceTag: 'scope:sites',
    onlyDependOnLibsWithTags: [
      'scope:sites',
      'scope:shared',
      'scope:instances',
      'scope:catalogue',
      'scope:operations',
      'scope:testing',
    ],
  },
  {
    sourceTag: 'scope:catalogue',
    onlyDependOnLibsWithTags: ['scope:catalogue', 'scope:shared', 'scope:testing'],
  },
  {
    sourceTag: 'scope:operations',
    onlyDependOnLibsWithTags: ['scope:operations', 'scope:shared', 'scope:testing'],
  },
  { sourceTag: 'scope:workers', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:edge', onlyDependOnLibsWithTags: ['*'] },
  // The command line reaches the platform only through the SDK.
  { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:sdk'] },
  { sourceTag: 'scope:sdk', onlyDependOnLibsWithTags: ['scope:sdk'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['*'] },
];

/** Cycles only test files close: a lib's own specs use the factories that build its entities. */
const testOnlyCycles = [
  ...['data-access-tenants', 'data-access-memberships', 'platform-auth'].map((lib) => [
    'testing-factories',
    lib,
  ]),
  ['testing-operation-factories', 'data-access-operations'],
  ['testing-factories', 'data-access-catalogue'],
  ['testing-sites', 'data-access-sites'],
  ...['integrations-compute', 'data-access-instances'].map((lib) => ['testing-instances', lib]),
  ['testing-compute', 'integrations-compute'],
  ['testing-gitops', 'integrations-local-gitops'],
];

const boundaries = (depConstraints, scopes = scopeConstraints) => ({
  '@nx/enforce-module-boundaries': [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      ignoredCircularDependencies: testOnlyCycles,
      depConstraints: [...depConstraints, ...scopes],
    },
  ],
});

/** The operations runtime's int-specs (a shared lib) run it on the operations DAO (scope:operations). */
const operationsRuntimeTestScopes = scopeConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:shared'
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:operations'],
      }
    : constraint,
);

/**
 * File length (STYLE.md: split a file as it passes ~300 lines). Every line counts, as `wc -l` does.
 * Lint runs with --max-warnings 0, so a warning would fail like an error. Hence two bounds:
 * - the hard bound is an error here, for every run of ESLint (editor, CLI, `npm run lint`);
 * - the soft bound (`lineBudget`, rule `budget/max-lines`, a second copy of the core rule) is added only
 *   by `npm run lint` (tools/scripts/lint.mjs, also the static phase of `npm test`), which lists the
 *   files over it as a notice and fails on every other warning.
 * Tests get looser bounds: a spec reads one resource's scenarios top to bottom, each with its own setup,
 * and splitting it by line count scatters them; 600 still stops a dump.
 */
const lines = {
  production: { soft: 300, hard: 400 },
  tests: { soft: 400, hard: 600 },
};
const maxLines = (max) => ({ max, skipBlankLines: false, skipComments: false });

/** The soft bound, as a warning of its own rule: `npm run lint` passes it to ESLint as overrideConfig. */
export const lineBudget = [
  {
    files: ['**/*.ts'],
    plugins: { budget: { rules: { 'max-lines': builtinRules.get('max-lines') } } },
    rules: { 'budget/max-lines': ['warn', maxLines(lines.production.soft)] },
  },
  { files: testFiles, rules: { 'budget/max-lines': ['warn', maxLines(lines.tests.soft)] } },
];

/**
 * STYLE.md's naming: types PascalCase (no `I` prefix on interfaces), values camelCase, constants
 * UPPER_CASE. Names the code does not choose are left alone:
 * object-literal and type properties (DynamoDB attributes `PK`, `GSI1SK`, HTTP headers, AWS
 * parameters) and anything that needs quotes.
 */
const namingConvention = [
  'error',
  { selector: 'default', format: ['camelCase'], leadingUnderscore: 'allow' },
  { selector: 'import', format: ['camelCase', 'PascalCase'] },
  { selector: 'variable', format: ['camelCase', 'UPPER_CASE'], leadingUnderscore: 'allow' },
  // Decorators and pipes built by factories are used like classes: `@IfMatch()`, `TenantIdPipe`.
  { selector: 'variable', modifiers: ['const', 'global'], format: ['camelCase', 'UPPER_CASE', 'PascalCase'] },
  // Destructuring keeps the SDK's names (`const { Item } = await client.send(...)`).
  { selector: ['variable', 'parameter'], modifiers: ['destructured'], format: null },
  { selector: 'function', format: ['camelCase', 'PascalCase'] },
  { selector: 'typeLike', format: ['PascalCase'] },
  { selector: 'interface', format: ['PascalCase'], custom: { regex: '^I[A-Z]', match: false } },
  { selector: 'enumMember', format: ['PascalCase', 'UPPER_CASE'] },
  { selector: ['objectLiteralProperty', 'objectLiteralMethod', 'typeProperty'], format: null },
  { selector: 'default', modifiers: ['requiresQuotes'], format: null },
];

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.data',
      '**/.cache',
      '**/.nx',
      'docker/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...boundaries(layerConstraints()),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/naming-convention': namingConvention,
      'max-lines': ['error', maxLines(lines.production.hard)],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: testFiles,
    plugins: { jest },
    rules: {
      ...boundaries(layerConstraints(['type:testing'])),
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'max-lines': ['error', maxLines(lines.tests.hard)],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // The operations runtime's int-specs run it on the real operations DAO.
    files: ['libs/platform/operations/test/**/*.ts'],
    rules: boundaries(layerConstraints(['type:testing'], ['type:data-access']), operationsRuntimeTestScopes),
  },
  {
    // Providers are wired with provideClass/provideFactory/provideValue, whose dependency lists the type checker sees.
    files: ['apps/**/*.module.ts', 'libs/**/*.module.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='useFactory']",
          message:
            'Use provideClass/provideFactory/provideValue (@bbws/platform-bootstrap): their dependency lists are type-checked.',
        },
      ],
    },
  },
  {
    // Test harness libraries hand loosely typed JSON bodies to tests.
    files: ['libs/testing/**/*.ts', 'tools/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  prettier,
];
