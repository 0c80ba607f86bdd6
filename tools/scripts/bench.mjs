// `npm run bench`: compiles, then runs the benchmarks from dist/ (not part of `npm test`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
if (step(['tools/build/compile.mjs', '--quiet']) !== 0) process.exit(1);
process.exit(step(['dist/tools/bench/run-bench.js', ...process.argv.slice(2)]));
