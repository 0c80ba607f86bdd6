// Sums the totals files written by test runs (BBWS_TEST_TOTALS) and prints one line, `N passed, N failed`,
// as `npm test` does for a single run. A listed file that is missing counts as a failed run.
//   node tools/scripts/test-totals.mjs <totals.json>...
import { existsSync, readFileSync } from 'node:fs';

const sum = { passed: 0, failed: 0, skipped: 0, failedRuns: 0 };
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    sum.failed += 1;
    sum.failedRuns += 1;
    continue;
  }
  const run = JSON.parse(readFileSync(file, 'utf8'));
  sum.passed += run.passed;
  sum.failed += run.failed;
  sum.skipped += run.skipped;
  if (run.failedPhases > 0) sum.failedRuns += 1;
}
console.log(`${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ''}`);
process.exit(sum.failedRuns > 0 || sum.failed > 0 ? 1 : 0);
