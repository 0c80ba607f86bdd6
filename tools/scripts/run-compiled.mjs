// Runs a compiled tool: `node tools/scripts/run-compiled.mjs tools/local/token.js [args...]` installs
// what is missing, compiles when dist/ is missing or older than a source, then runs dist/<path>
// with the remaining arguments. Only the tool writes to stdout.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compile, ensureDependencies, root } from '../local/prepare.mjs';

const [target, ...args] = process.argv.slice(2);
if (!target) {
  process.stderr.write(
    'usage: node tools/scripts/run-compiled.mjs <path under dist/, e.g. tools/local/token.js> [args...]\n',
  );
  process.exit(2);
}
ensureDependencies();
compile({ onlyIfStale: true });
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env };
const result = spawnSync(process.execPath, [path.join(root, 'dist', target), ...args], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
