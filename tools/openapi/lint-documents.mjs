// Lints every API app's OpenAPI document with Redocly's recommended rules (tools/openapi/redocly.yaml: nothing
// fetched, no telemetry); a warning fails like an error. Run by `npm test` (static phase).
//   node tools/openapi/lint-documents.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, root } from '../local/prepare.mjs';
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

/** Dumps every app's OpenAPI document and lints each; 0 when none has an error or a warning. */
export function lintDocuments() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bbws-openapi-'));
  try {
    let failed = 0;
    for (const file of dumpDocuments(dir)) {
      const problems = redoclyProblems(file);
      console.log(
        `OpenAPI ${path.basename(file, '.json')}: ${problems.length === 0 ? 'no problems' : `${problems.length} problems`}`,
      );
      for (const problem of problems) console.error(`  ${problem}`);
      if (problems.length > 0) failed += 1;
    }
    return failed === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  process.exit(lintDocuments());
}
