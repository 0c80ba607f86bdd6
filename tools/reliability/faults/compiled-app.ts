import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { freePort, repoRoot } from '@bbws/testing-engines';

/** A compiled app (`node dist/apps/<app>/src/main.js`) run as its own process, as in production. */
export interface CompiledApp {
  readonly url: string;
  readonly pid: number;
  /** SIGKILL (a crash: no shutdown hooks) and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful shutdown) and wait until the process is gone. */
  stop(): Promise<void>;
}

let compiled = false;

/** Brings dist/ up to date once per test file (tools/build/compile.mjs recompiles what is stale). */
export function compileApps(): void {
  if (compiled) return;
  const result = spawnSync(process.execPath, ['tools/build/compile.mjs', '--quiet'], {
    cwd: repoRoot(),
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('tools/build/compile.mjs failed');
  compiled = true;
}

/** Starts the app on a free port with the test environment plus `env`; resolves once /health answers. */
export async function startCompiledApp(app: string, env: Record<string, string>): Promise<CompiledApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot(), 'dist/apps', app, 'src/main.js')], {
    env: { ...process.env, LOG_LEVEL: 'fatal', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${url}/health`))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${app} did not start (exit ${child.exitCode}): ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return { url, pid: child.pid ?? 0, kill: end('SIGKILL'), stop: end('SIGTERM') };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
