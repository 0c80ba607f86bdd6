import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * How hard the reliability suite tries: `short` in `npm test` and CI (minutes), `full` under
 * `npm run test:reliability`. Suites scale their inputs, identities and faults with it.
 */
export function reliabilityMode(): 'short' | 'full' {
  return process.env.BBWS_RELIABILITY_MODE === 'full' ? 'full' : 'short';
}

/** One suite's counts for the printed report (tools/scripts/reliability-summary.mjs). */
export interface ReliabilityRecord {
  /** e.g. `isolation fuzzer`, `bad-input fuzzer`, `fault: DynamoDB killed`. */
  suite: string;
  /** What was tried, e.g. `{ routes: 120, identities: 4, requests: 1800 }`. */
  tried: Record<string, number>;
  /** What was lost or leaked (requests answered 2xx to a stranger, 5xx, lost operations...): must be 0. */
  lost: Record<string, number>;
  notes?: string[];
}

/** Writes the record where the runner collects them (BBWS_RELIABILITY_REPORT_DIR); a no-op otherwise. */
export function recordReliability(record: ReliabilityRecord): void {
  const dir = process.env.BBWS_RELIABILITY_REPORT_DIR;
  if (!dir) return;
  writeFileSync(path.join(dir, `${randomUUID()}.json`), JSON.stringify(record));
}
