// `npm test`: installs what is missing, then runs, in order: lint + type check, unit tests, integration
// and end-to-end tests (DynamoDB Local + local SQS started by the Jest global setup), and the WordPress
// suite (real multisite network from the OS packages). Ends with the totals line `N passed, N failed`.
//   npm test -- --only=unit|integration|wordpress|reliability|static   run one phase
// The reliability phase is the short mode of `npm run test:reliability` (tools/scripts/test-reliability.mjs).
// BBWS_TEST_TOTALS=<file> also writes the totals there as JSON (.ci/run sums the runs under each Node).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDependencies, root } from '../local/prepare.mjs';
import { lintDocuments } from '../openapi/lint-documents.mjs';
import { printReliabilitySummary } from './reliability-summary.mjs';

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const jestArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--only='));

function run(command, args, env = {}, stdio = 'inherit') {
  const result = spawnSync(command, args, { cwd: root, stdio, env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedPhases = 0;

function jestPhase(name, pattern, env = {}) {
  console.log(`\n=== ${name} ===`);
  const dir = mkdtempSync(path.join(tmpdir(), 'bbws-jest-'));
  const report = path.join(dir, 'report.json');
  const status = run(
    'npx',
    [
      'jest',
      '-c',
      'jest.config.js',
      '--ci',
      '--maxWorkers=2',
      '--testPathPatterns',
      pattern,
      '--json',
      '--outputFile',
      report,
      ...jestArgs,
    ],
    { BBWS_JEST_ROOT: '1', ...env },
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
  } else {
    totals.failed += 1;
  }
  rmSync(dir, { recursive: true, force: true });
  if (status !== 0) failedPhases += 1;
}

function staticPhase() {
  console.log('\n=== lint, format, type check and OpenAPI ===');
  // The module-boundaries lint rule reads Nx's project graph; computing it once caches it.
  const graph = run('npx', ['nx', 'show', 'projects'], { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, [
    'ignore',
    'ignore',
    'inherit',
  ]);
  const steps = {
    lint: () => (graph === 0 ? run('node', ['tools/scripts/lint.mjs']) : 1),
    format: () => run('npx', ['prettier', '--check', '--log-level', 'warn', 'apps', 'libs', 'tools']),
    types: () => run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
    openapi: lintDocuments,
    // The SDK's generated types must match the apps' OpenAPI documents (npm run sdk:generate).
    sdk: () => run('node', ['tools/sdk/generate-sdk.mjs', '--check']),
  };
  const failed = Object.entries(steps)
    .filter(([, step]) => step() !== 0)
    .map(([name]) => name);
  if (failed.length > 0) {
    console.error(`static phase failed: ${failed.join(', ')}`);
    totals.failed += 1;
    failedPhases += 1;
  }
}

ensureDependencies();
const phases = {
  static: staticPhase,
  unit: () => jestPhase('unit tests', '\\.spec\\.ts$', { BBWS_TEST_ENGINES: 'none' }),
  integration: () => jestPhase('integration and end-to-end tests', '\\.(int|e2e)-spec\\.ts$'),
  wordpress: () => {
    if (run('bash', ['tools/local/ensure-wordpress-packages.sh']) !== 0) {
      totals.failed += 1;
      failedPhases += 1;
      return;
    }
    // With the engines: the local cloud's suites send ECS events to SQS, archive to S3 and keep instances in DynamoDB.
    jestPhase('WordPress suite', '\\.wp-spec\\.ts$');
  },
  reliability: () => {
    const records = mkdtempSync(path.join(tmpdir(), 'bbws-reliability-'));
    jestPhase('reliability suite (short mode)', '\\.rel-spec\\.ts$', {
      BBWS_RELIABILITY_MODE: 'short',
      BBWS_RELIABILITY_REPORT_DIR: records,
    });
    printReliabilitySummary(records, 'short');
    rmSync(records, { recursive: true, force: true });
  },
};
for (const [name, phase] of Object.entries(phases)) {
  if (!only || only === name) phase();
}
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
if (process.env.BBWS_TEST_TOTALS) {
  writeFileSync(
    process.env.BBWS_TEST_TOTALS,
    JSON.stringify({ node: process.version, ...totals, failedPhases }),
  );
}
process.exit(failedPhases > 0 ? 1 : 0);
