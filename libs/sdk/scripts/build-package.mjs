// Builds the publishable @bbws/sdk: tsc (CommonJS + .d.ts, no helper runtime) into dist/libs/sdk (or
// `--out <dir>`), then its package.json and README. `npm pack <dir>` makes the tarball. The `src/`
// folder under dist/libs/sdk belongs to tools/build/compile.mjs (what the compiled apps require) and is kept.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const library = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(library, '../..');
const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'dist/libs/sdk'));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

await mkdir(outDir, { recursive: true });
for (const entry of await readdir(outDir)) {
  if (entry !== 'src') await rm(path.join(outDir, entry), { recursive: true, force: true });
}
const compiled = spawnSync(
  process.execPath,
  [tsc, '-p', path.join(library, 'tsconfig.lib.json'), '--outDir', outDir],
  { stdio: 'inherit' },
);
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
for (const file of ['package.json', 'README.md']) {
  await copyFile(path.join(library, file), path.join(outDir, file));
}
if (!process.argv.includes('--quiet')) console.log(`built @bbws/sdk in ${path.relative(root, outDir)}`);
