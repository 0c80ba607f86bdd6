import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchFigure } from './bench-section';
import { rssLines, treeRss, type TreeRss } from './process-tree.rss';

const API = 'http://127.0.0.1:3000/v1.0';

/** The local platform as `npm start` runs it, driven through the public API as the seeded platform admin. */
export interface LocalPlatformSession {
  dataDir: string;
  call(method: string, url: string, body?: unknown): Promise<Record<string, any>>;
  /** Wall-clock ms from the 202 to the operation's COMPLETED (throws on FAILED); `result` is the operation's. */
  timed(method: string, url: string, body?: unknown): Promise<{ ms: number; result: Record<string, any> }>;
  /** The whole platform's RSS (every process under `npm start`), idle after ready and a settle. */
  idleRss: TreeRss;
  /** The whole platform's RSS now. */
  rss(): Promise<TreeRss>;
}

/** How long the platform is left alone after "ready" before its idle RSS is read. */
const settleMs = () => (process.env.BENCH_QUICK === '1' ? 2_000 : 5_000);

/**
 * Runs `work` against a fresh `npm start` (fixed ports: stop your own first) on a temporary data
 * directory, then stops the platform with Ctrl-C and removes the directory.
 */
export async function withLocalPlatform<T>(
  root: string,
  name: string,
  work: (session: LocalPlatformSession) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bbws-bench-${name}-`));
  const env = { ...process.env, BBWS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const platform = spawn(process.execPath, ['tools/scripts/start.mjs', '--reset'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await ready(platform);
    const token = spawnSync(
      process.execPath,
      ['tools/scripts/run-compiled.mjs', 'tools/local/token.js', '--seed'],
      { cwd: root, env, encoding: 'utf8' },
    ).stdout.trim();
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${API}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return (text ? JSON.parse(text) : {}) as Record<string, any>;
    };
    const timed = async (method: string, url: string, body?: unknown) => {
      const started = Date.now();
      const operation = await call(method, url, body);
      if (!operation.operationId) throw new Error(`${method} ${url}: ${JSON.stringify(operation)}`);
      for (;;) {
        const current = await call('GET', `/operations/${operation.operationId}`);
        if (current.status === 'COMPLETED') return { ms: Date.now() - started, result: current.result ?? {} };
        if (current.status === 'FAILED') throw new Error(`${url}: ${JSON.stringify(current.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await new Promise((resolve) => setTimeout(resolve, settleMs()));
    const rss = () => treeRss(platform.pid as number);
    return await work({ dataDir, call, timed, idleRss: await rss(), rss });
  } finally {
    platform.kill('SIGINT');
    await new Promise((resolve) =>
      platform.exitCode !== null ? resolve(null) : platform.once('exit', resolve),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The platform's RSS idle and after `work` as figures of the 'platform' chart group, and as table lines. */
export function platformRss(
  section: string,
  work: string,
  idle: TreeRss,
  after: TreeRss,
): { figures: BenchFigure[]; lines: string[] } {
  const figure = (moment: string, label: string, rss: TreeRss): BenchFigure => ({
    key: `platform.${section}.${moment}-rss`,
    label: `whole platform RSS (${section} bench), ${label}`,
    value: Math.round(rss.totalMb),
    unit: 'MB',
    chart: 'platform',
  });
  return {
    figures: [figure('idle', 'idle after ready', idle), figure('after', `after ${work}`, after)],
    lines: [
      ...rssLines('whole platform RSS, idle after ready', idle),
      ...rssLines(`whole platform RSS after ${work}`, after),
    ],
  };
}

/** A wall-clock time through the public API as a figure in seconds, its target as the goal (not checked). */
export function targetFigure(key: string, label: string, ms: number, targetMs: number): BenchFigure {
  return {
    key,
    label,
    value: Math.round(ms / 100) / 10,
    unit: 's',
    goal: { op: '<=', value: targetMs / 1000 },
    chart: 'local platform',
  };
}

/** One figure against its target, as the bench tables print it. */
export function targetRow(name: string, ms: number, target: number): string {
  return `${name.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(6)} s   target <= ${target / 1000} s   ${ms <= target ? 'met' : 'MISSED'}`;
}

function ready(platform: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start: no "ready" in 180 s\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    platform.stdout?.on('data', onData);
    platform.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    platform.once('exit', (code) => reject(new Error(`npm start exited with ${code}\n${output}`)));
  });
}
