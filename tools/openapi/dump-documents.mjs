// Writes the OpenAPI document of every API app (each app whose main.ts calls runApi) to a folder, without
// starting a server: `node dist/apps/<app>/src/main.js --openapi` builds the Nest module graph in preview
// mode (no provider runs, so no table, queue or port is touched) and prints the document.
//   node tools/openapi/dump-documents.mjs [--out <dir>]      default dist/openapi
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, ensureDependencies, root } from '../local/prepare.mjs';

/** The apps that serve an OpenAPI document: those started by runApi. */
export function documentedApps() {
  return readdirSync(path.join(root, 'apps'))
    .filter((app) => {
      try {
        return readFileSync(path.join(root, 'apps', app, 'src', 'main.ts'), 'utf8').includes('runApi(');
      } catch {
        return false;
      }
    })
    .sort();
}

/** Compiles what is stale, then writes `<outDir>/<app>.json` for each app; returns the files written. */
export function dumpDocuments(outDir) {
  compile({ onlyIfStale: true });
  mkdirSync(outDir, { recursive: true });
  return documentedApps().map((app) => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'dist', 'apps', app, 'src', 'main.js'), '--openapi'],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          BBWS_STAGE: 'local',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
    );
    if (result.status !== 0) {
      throw new Error(`${app} --openapi exited with ${result.status ?? result.signal}\n${result.stderr}`);
    }
    const document = JSON.parse(result.stdout);
    const file = path.join(outDir, `${app}.json`);
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    return file;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIndex = process.argv.indexOf('--out');
  const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, 'dist', 'openapi'));
  ensureDependencies();
  for (const file of dumpDocuments(outDir)) console.log(path.relative(process.cwd(), file));
}
