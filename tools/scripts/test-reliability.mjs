// `npm run test:reliability`: the reliability suites (tools/reliability/**/*.rel-spec.ts) in full mode:
// isolation and bad-input fuzzers over every route of every OpenAPI document, and faults injected into the
// real engines. Prints what was tried and what was lost (must be nothing). `npm test` runs the short mode.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDependencies, root } from '../local/prepare.mjs';
import { printReliabilitySummary } from './reliability-summary.mjs';

const mode = process.argv.includes('--short') ? 'short' : 'full';
const jestArgs = process.argv.slice(2).filter((arg) => arg !== '--short');
ensureDependencies();
const records = mkdtempSync(path.join(tmpdir(), 'bbws-reliability-'));
const result = spawnSync(
  'npx',
  [
    'jest',
    '-c',
    'jest.config.js',
    '--ci',
    '--maxWorkers=2',
    '--testPathPatterns',
    '\\.rel-spec\\.ts$',
    ...jestArgs,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      BBWS_JEST_ROOT: '1',
      BBWS_RELIABILITY_MODE: mode,
      BBWS_RELIABILITY_REPORT_DIR: records,
    },
  },
);
const lost = printReliabilitySummary(records, mode);
rmSync(records, { recursive: true, force: true });
process.exit(result.status === 0 && lost === 0 ? 0 : 1);
