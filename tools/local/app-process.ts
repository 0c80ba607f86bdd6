import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { OrphanGuard } from '@bbws/testing-engines';
import { httpStatus } from './http-status';

/**
 * Node flags of every app, here, in the benches and in the image (docker/node-app.Dockerfile's CMD): V8
 * grows an app's young generation to 2 x 16 MB at boot and keeps it; 4 MB semi-spaces cut idle RSS by
 * ~23 MB per app (`npm run bench -- --only=footprint`).
 */
export const APP_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

export interface AppProcessSpec {
  name: string;
  main: string;
  port: number;
  env: Record<string, string>;
  cwd: string;
  logFile: string;
  /** Also copy the app's output to this process's stdout, each line prefixed with `[name]`. */
  streamLogs: boolean;
}

/**
 * One app as a child process in its own process group (a Ctrl-C reaches only the orchestrator, which
 * then stops the apps in order), its output appended to a log file.
 */
export class AppProcess {
  private readonly exit: Promise<void>;
  private exited = false;

  private constructor(
    readonly spec: AppProcessSpec,
    private readonly child: ChildProcess,
    private readonly guard: OrphanGuard,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', () => ((this.exited = true), resolve())));
    guard.watch(child);
  }

  static start(spec: AppProcessSpec, guard: OrphanGuard): AppProcess {
    const env = { ...process.env, ...spec.env, PORT: String(spec.port) };
    if (!spec.streamLogs) {
      const log = openSync(spec.logFile, 'a');
      try {
        const child = spawn(process.execPath, [...APP_NODE_FLAGS, spec.main], {
          cwd: spec.cwd,
          env,
          stdio: ['ignore', log, log],
          detached: true,
        });
        return new AppProcess(spec, child, guard);
      } finally {
        closeSync(log);
      }
    }
    const child = spawn(process.execPath, [...APP_NODE_FLAGS, spec.main], {
      cwd: spec.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const log = createWriteStream(spec.logFile, { flags: 'a' });
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      stream.pipe(log, { end: false });
      createInterface({ input: stream }).on('line', (line) =>
        process.stdout.write(`[${spec.name}] ${line}\n`),
      );
    }
    child.once('exit', () => log.end());
    return new AppProcess(spec, child, guard);
  }

  get running(): boolean {
    return !this.exited;
  }

  get exitDescription(): string {
    const { exitCode, signalCode } = this.child;
    return signalCode ? `signal ${signalCode}` : `exit code ${exitCode}`;
  }

  onExit(listener: () => void): void {
    void this.exit.then(listener);
  }

  /** Resolves once /health answers 200 and /ready answers 200 (or does not exist). */
  async waitUntilReady(deadline: number): Promise<void> {
    const base = `http://127.0.0.1:${this.spec.port}`;
    for (const check of ['/health', '/ready']) {
      for (;;) {
        if (!this.running)
          throw new Error(`${this.spec.name} exited (${this.exitDescription}); see ${this.spec.logFile}`);
        const status = await httpStatus(`${base}${check}`);
        if (status === 200 || (check === '/ready' && status === 404)) break;
        if (Date.now() > deadline) {
          throw new Error(
            `${this.spec.name} did not answer ${check} with 200 in time (last: ${status ?? 'no answer'}); see ${this.spec.logFile}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.running) {
      this.child.kill('SIGTERM');
      const force = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exit;
      clearTimeout(force);
    }
    this.guard.release(this.child);
  }
}
