// Compiles apps/, libs/ and tools/ TypeScript to dist/ with SWC (decorator metadata for NestJS),
// rewriting the @bbws/* path aliases to relative paths so `node dist/apps/<app>/src/main.js` runs.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'dist');
const testFile = /\.(spec|int-spec|e2e-spec|wp-spec)\.ts$/;
const { compilerOptions } = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'test', '__fixtures__'].includes(entry.name)) yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !testFile.test(entry.name)) {
      yield full;
    }
  }
}

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    baseUrl: root,
    paths: compilerOptions.paths,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

const started = Date.now();
const jobs = [];
for (const top of ['apps', 'libs', 'tools']) {
  for await (const file of sources(path.join(root, top))) {
    jobs.push(
      (async () => {
        const { code, map } = await transformFile(file, { ...options, filename: file });
        const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(path.dirname(target), { recursive: true });
        // Write-then-rename: a process starting from dist/ while another compiles never reads half a file.
        const atomically = async (file, content) => {
          const temporary = `${file}.${process.pid}.tmp`;
          await writeFile(temporary, content);
          await rename(temporary, file);
        };
        if (map) await atomically(`${target}.map`, map);
        await atomically(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
      })(),
    );
  }
}
await Promise.all(jobs);
if (!process.argv.includes('--quiet')) {
  console.log(`compiled ${jobs.length} files to dist/ in ${Date.now() - started} ms`);
}
