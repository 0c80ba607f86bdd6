import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const API = 'http://127.0.0.1:3000/v1.0';
const TARGETS = { provisionMs: 60_000, scaleMs: 10_000 };

/**
 * The local platform as `npm start` runs it (fixed ports: stop your own first): a DEV instance from its
 * 202 to ACTIVE (GitOps commit, workflow run, WordPress network install, workers answering), then a
 * scale 1 → 3 from its 202 to COMPLETED. Times are wall-clock through the public API.
 */
export async function runInstancesBench(root: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-bench-instances-'));
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
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
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
      return (await response.json()) as Record<string, any>;
    };
    const timed = async (method: string, url: string, body?: unknown) => {
      const started = Date.now();
      const operation = await call(method, url, body);
      for (;;) {
        const current = await call('GET', `/operations/${operation.operationId}`);
        if (current.status === 'COMPLETED') return Date.now() - started;
        if (current.status === 'FAILED') throw new Error(`${url}: ${JSON.stringify(current.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const tenant = await call('POST', '/tenants', {
      organizationName: 'Bench Hosting',
      contactEmail: 'b@bench.example',
    });
    const provisionMs = await timed('POST', `/tenants/${tenant.tenantId}/instances`, { environment: 'DEV' });
    const [instance] = (await call('GET', `/tenants/${tenant.tenantId}/instances`)).items;
    const scaleMs = await timed('PUT', `/tenants/${tenant.tenantId}/instances/${instance.instanceId}/size`, {
      desiredCount: 3,
    });
    const row = (name: string, ms: number, target: number) =>
      `${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s   target <= ${target / 1000} s   ${ms <= target ? 'met' : 'MISSED'}`;
    return [
      row('DEV instance 202 -> ACTIVE', provisionMs, TARGETS.provisionMs),
      row('scale 1 -> 3, 202 -> COMPLETED', scaleMs, TARGETS.scaleMs),
    ].join('\n');
  } finally {
    platform.kill('SIGINT');
    await new Promise((resolve) =>
      platform.exitCode !== null ? resolve(null) : platform.once('exit', resolve),
    );
    await rm(dataDir, { recursive: true, force: true });
  }
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
