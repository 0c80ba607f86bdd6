import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A tiny watchdog process that terminates the registered child processes if this process dies
 * without stopping them (SIGKILL, crash), so no DynamoDB Local or app process outlives its owner.
 * It notices through its stdin pipe closing; it runs in its own process group so a Ctrl-C aimed at
 * the owner does not stop it first.
 */
const WATCHDOG = `
const pids = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let end = pending.indexOf('\\n'); end >= 0; end = pending.indexOf('\\n')) {
    const line = pending.slice(0, end);
    pending = pending.slice(end + 1);
    const pid = Number(line.slice(1));
    if (line[0] === '+') pids.add(pid); else pids.delete(pid);
  }
});
process.stdin.on('end', () => {
  const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
  const signal = (name) => { for (const pid of pids) { try { process.kill(pid, name); } catch {} } };
  signal('SIGTERM');
  const started = Date.now();
  const timer = setInterval(() => {
    for (const pid of pids) if (!alive(pid)) pids.delete(pid);
    if (pids.size === 0) process.exit(0);
    if (Date.now() - started > 10000) { signal('SIGKILL'); process.exit(0); }
  }, 100);
});
`;

export class OrphanGuard {
  private watchdog?: ChildProcess;

  /** Watches `child` until `release(child)`; starts the watchdog on first use. */
  watch(child: ChildProcess): void {
    if (child.pid === undefined) return;
    this.write(`+${child.pid}`);
  }

  release(child: ChildProcess): void {
    if (child.pid !== undefined && this.watchdog) this.write(`-${child.pid}`);
  }

  /** Ends the watchdog (after the children were stopped and released). */
  dispose(): void {
    this.watchdog?.stdin?.end();
    this.watchdog = undefined;
  }

  private write(line: string): void {
    if (!this.watchdog) {
      this.watchdog = spawn(process.execPath, ['-e', WATCHDOG], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: true,
      });
      this.watchdog.unref();
      (this.watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    }
    this.watchdog.stdin?.write(`${line}\n`);
  }
}
