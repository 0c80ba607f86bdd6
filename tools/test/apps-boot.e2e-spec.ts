import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@bbws/testing-engines';

const root = path.resolve(__dirname, '../..');
const API_APPS = [
  'tenants-api',
  'instances-api',
  'sites-api',
  'templates-api',
  'plugins-api',
  'operations-api',
  'workers',
];

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Boots each compiled API app the way production does (`node dist/apps/<app>/src/main.js`). */
describe('compiled apps', () => {
  beforeAll(() => {
    const result = spawnSync(process.execPath, ['tools/build/compile.mjs', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
    expect(result.status).toBe(0);
  }, 60_000);

  it.each(API_APPS)(
    '%s boots and serves /health, /ready and its OpenAPI document',
    async (app) => {
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(root, 'dist/apps', app, 'src/main.js')], {
        env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', WORKER_WAIT_TIME_SECONDS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitForHealth(`${base}/health`, child).catch((error: Error) => {
          throw new Error(`${error.message}\n${stderr}`);
        });
        const ready = await fetch(`${base}/ready`);
        expect(ready.status).toBe(200);
        expect(((await ready.json()) as { status: string }).status).toBe('ready');
        const docs = await fetch(`${base}/docs-json`);
        expect(docs.status).toBe(200);
        const served = (await docs.json()) as { info: { title: string } };
        expect(served.info.title).toMatch(/^BBWS /);
        // `--openapi` prints the same document without listening (the port is taken: by the app itself).
        const printed = spawnSync(
          process.execPath,
          [path.join(root, 'dist/apps', app, 'src/main.js'), '--openapi'],
          {
            env: { ...process.env, PORT: String(port) },
            encoding: 'utf8',
          },
        );
        expect(printed.status).toBe(0);
        expect(JSON.parse(printed.stdout)).toEqual(served);
        const unauthenticated = await fetch(`${base}/v1.0/tenants`);
        expect([401, 404]).toContain(unauthenticated.status);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      expect(child.signalCode === 'SIGTERM' || child.exitCode === 0).toBe(true);
    },
    40_000,
  );
});
