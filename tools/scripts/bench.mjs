// `npm run bench`: installs what is missing, compiles, then runs the benchmarks from dist/ (not part of `npm test`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compile, ensureDependencies, root } from '../local/prepare.mjs';

ensureDependencies();
compile({ onlyIfStale: true });
const result = spawnSync(
  process.execPath,
  [path.join(root, 'dist/tools/bench/run-bench.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    // Node 20 is supported here (package.json engines); the SDK's notice about 2027 would only be noise.
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...process.env,
      // Set before any section's module loads (run-bench sets it too, for runs without this script).
      ...(process.argv.includes('--quick') ? { BENCH_QUICK: '1' } : {}),
    },
  },
);
process.exit(result.status ?? 1);
