// Steps shared by `npm start` and `npm run token` before any dependency can be loaded: install what
// is missing and compile the tree to dist/. Plain Node (no packages); all output goes to stderr so
// that stdout stays clean (`TOKEN=$(npm run -s token -- ...)`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const compiledStamp = path.join(root, 'dist', '.compiled-at');

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.error || result.status !== 0) {
    process.stderr.write(`${what} failed (${result.error?.message ?? `exit code ${result.status}`})\n`);
    process.exit(1);
  }
}

function npm(args, what) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && npmCli.endsWith('.js')) run(process.execPath, [npmCli, ...args], what);
  else run('npm', args, what);
}

/** Whether node_modules holds every package the lockfile pins, at the pinned version. */
function dependenciesCurrent() {
  const lockFile = path.join(root, 'package-lock.json');
  const installedFile = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return false;
  if (!existsSync(lockFile) || statSync(lockFile).mtimeMs <= statSync(installedFile).mtimeMs) return true;
  // The lockfile changed since the last install: compare what it pins with what is installed.
  const wanted = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  return Object.entries(wanted).every(
    ([location, entry]) =>
      location === '' || entry.optional || entry.link || installed[location]?.version === entry.version,
  );
}

export function ensureDependencies() {
  if (dependenciesCurrent()) return;
  const withLock = existsSync(path.join(root, 'package-lock.json'));
  process.stderr.write(`installing dependencies (npm ${withLock ? 'ci' : 'install'})...\n`);
  npm(
    withLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'],
    'installing dependencies',
  );
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!existsSync(compiledStamp)) return false;
  const sources = Math.max(
    statSync(path.join(root, 'tsconfig.base.json')).mtimeMs,
    ...['apps', 'libs', 'tools'].map((top) => newestSource(path.join(root, top))),
  );
  return sources <= statSync(compiledStamp).mtimeMs;
}

/** Compiles apps/, libs/ and tools/ to dist/ (always, or only when a source is newer than the last build). */
export function compile({ onlyIfStale = false } = {}) {
  if (onlyIfStale && compiledIsCurrent()) return;
  const startedAt = new Date();
  run(
    process.execPath,
    [path.join(root, 'tools', 'build', 'compile.mjs'), '--quiet'],
    'compiling (tools/build/compile.mjs)',
  );
  writeFileSync(compiledStamp, `${startedAt.toISOString()}\n`);
}
