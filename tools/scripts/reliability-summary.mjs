// Prints the reliability suites' counts collected in a folder of records (tools/reliability/reliability-record.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function printReliabilitySummary(dir, mode) {
  const records = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')))
    .sort((a, b) => a.suite.localeCompare(b.suite));
  const format = (counts) =>
    Object.entries(counts)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ') || '-';
  const lostTotal = records.reduce(
    (sum, record) => sum + Object.values(record.lost).reduce((a, b) => a + b, 0),
    0,
  );
  console.log(`\nReliability (${mode} mode): what was tried, and what was lost`);
  for (const record of records) {
    console.log(`  ${record.suite}: tried ${format(record.tried)}; lost ${format(record.lost)}`);
    for (const note of record.notes ?? []) console.log(`    ${note}`);
  }
  console.log(`  lost in total: ${lostTotal}${lostTotal === 0 ? ' (nothing lost)' : ''}`);
  return lostTotal;
}
