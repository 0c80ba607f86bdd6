// Lints every API app's OpenAPI document with Redocly's recommended rules (tools/openapi/redocly.yaml: nothing
// fetched, no telemetry) and the checks of document-checks.mjs (every 2xx answer but 204 describes its body);
// a warning fails like an error. Run by `npm test` (static phase).
//   node tools/openapi/lint-documents.mjs                 every app's document
//   node tools/openapi/lint-documents.mjs <file.json>…    these documents
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, root } from '../local/prepare.mjs';
import { undescribedAnswers } from './document-checks.mjs';
import { dumpDocuments } from './dump-documents.mjs';

/** Lints one OpenAPI document with Redocly's recommended rules (tools/openapi/redocly.yaml); returns its problems. */
function redoclyProblems(file) {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const args = ['redocly', 'lint', '--config', 'tools/openapi/redocly.yaml', '--format', 'json', file];
  const result = spawnSync('npx', args, { cwd: root, env, encoding: 'utf8' });
  try {
    const { totals, problems } = JSON.parse(result.stdout);
    if (totals.errors + totals.warnings === 0) return [];
    return problems.map(
      (problem) =>
        `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location?.[0]?.pointer ?? ''})`,
    );
  } catch {
    return [`redocly lint exited with ${result.status}: ${result.stderr}`];
  }
}

/** Lints these document files; 0 when none has an error or a warning. */
function lintFiles(files) {
  let failed = 0;
  for (const file of files) {
    const problems = [
      ...redoclyProblems(file),
      ...undescribedAnswers(JSON.parse(readFileSync(file, 'utf8'))).map((problem) => `error ${problem}`),
    ];
    console.log(
      `OpenAPI ${path.basename(file, '.json')}: ${problems.length === 0 ? 'no problems' : `${problems.length} problems`}`,
    );
    for (const problem of problems) console.error(`  ${problem}`);
    if (problems.length > 0) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

/** Dumps every app's OpenAPI document (or takes these files) and lints each; 0 when none has a problem. */
export function lintDocuments(files = []) {
  if (files.length > 0) return lintFiles(files.map((file) => path.resolve(file)));
  const dir = mkdtempSync(path.join(tmpdir(), 'bbws-openapi-'));
  try {
    return lintFiles(dumpDocuments(dir));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  process.exit(lintDocuments(process.argv.slice(2)));
}
