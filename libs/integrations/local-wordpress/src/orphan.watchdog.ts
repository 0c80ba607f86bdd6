import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A tiny watchdog process: when this process ends without having stopped its children (crash,
 * SIGKILL, Ctrl-C, a Jest worker torn down), the watchdog notices its stdin closing, stops the
 * registered process groups (SIGTERM, then SIGKILL after 10 s) and removes the registered folders.
 * It runs in its own process group so a Ctrl-C aimed at us does not stop it first.
 */
export const WATCHDOG_SCRIPT = `
const groups = new Set();
const dirs = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\\n'); end >= 0; end = pending.indexOf('\\n')) {
    const line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    const set = line[1] === 'g' ? groups : dirs;
    const value = line[1] === 'g' ? Number(line.slice(3)) : line.slice(3);
    if (line[0] === '+') set.add(value); else set.delete(value);
  }
});
process.stdin.on('end', () => {
  const signal = (pgid, name) => { try { process.kill(-pgid, name); return true; } catch { return false; } };
  for (const pgid of groups) signal(pgid, 'SIGTERM');
  const started = Date.now();
  const timer = setInterval(() => {
    for (const pgid of groups) if (!signal(pgid, 0)) groups.delete(pgid);
    const late = Date.now() - started > 10000;
    if (late) for (const pgid of groups) signal(pgid, 'SIGKILL');
    if (groups.size === 0 || late) {
      clearInterval(timer);
      for (const dir of dirs) { try { require('fs').rmSync(dir, { recursive: true, force: true }); } catch {} }
      process.exit(0);
    }
  }, 100);
});
`;

let watchdog: ChildProcess | undefined;

function send(line: string): void {
  if (!watchdog) {
    watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    watchdog.unref();
    watchdog.stdin?.on('error', () => undefined);
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  watchdog.stdin?.write(`${line}\n`);
}

/** Stops the process group led by `pgid` if we end without stopping it; returns the release. */
export function guardProcessGroup(pgid: number): () => void {
  send(`+g ${pgid}`);
  return () => send(`-g ${pgid}`);
}

/** Removes `dir` (after the guarded processes are gone) if we end without removing it; returns the release. */
export function removeIfOrphaned(dir: string): () => void {
  if (dir.includes('\n')) throw new Error('folder names with line breaks are not supported');
  send(`+d ${dir}`);
  return () => send(`-d ${dir}`);
}
