import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
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
/** Apps whose bundle needs no package on disk. */
const SELF_CONTAINED = ['front-door', 'cli'];
const APPS = [...API_APPS, ...SELF_CONTAINED];
/** What `nx build <app>` writes at the top of dist/apps/<app>/ (its src/ is the SWC compile). */
const BUNDLE_FILES = ['main.js', 'main.js.map', 'package.json', 'package-lock.json'];

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`)),
    );
  });
}

/** Runs the jobs two at a time (the machines have two cores). */
async function twoAtATime<T>(items: T[], job: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await job(item);
  };
  await Promise.all([worker(), worker()]);
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 20_000) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}\n${output()}`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within 20 s\n${output()}`);
}

async function startBundle(
  dir: string,
  env: Record<string, string>,
): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['main.js'], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', WORKER_WAIT_TIME_SECONDS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  await waitForHealth(`${base}/health`, child, () => stderr).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { base, stop };
}

/** Each app's bundle runs alone: its folder, `npm ci --omit=dev` there, `node main.js`. */
describe('per-app bundles (nx build)', () => {
  const deployDirs = new Map<string, string>();
  let workspace: string;

  beforeAll(async () => {
    await run(
      process.execPath,
      [
        require.resolve('nx/bin/nx'),
        'run-many',
        '-t',
        'build',
        '--projects',
        APPS.join(','),
        '--skip-nx-cache',
      ],
      root,
    );
    workspace = await mkdtemp(path.join(tmpdir(), 'bbws-bundles-'));
    await twoAtATime(APPS, async (app) => {
      const dir = path.join(workspace, app);
      await run('mkdir', ['-p', dir], root);
      for (const file of BUNDLE_FILES)
        await copyFile(path.join(root, 'dist/apps', app, file), path.join(dir, file));
      await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], dir);
      deployDirs.set(app, dir);
    });
  }, 300_000);

  afterAll(async () => {
    if (workspace) await rm(workspace, { recursive: true, force: true });
  }, 60_000);

  it.each(APPS)(
    '%s bundles its third-party code; only Swagger UI (API apps and workers) stays on disk, at its locked version',
    async (app) => {
      const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { version: string }>;
      };
      const generated = JSON.parse(
        await readFile(path.join(root, 'dist/apps', app, 'package.json'), 'utf8'),
      ) as PackageJson;
      const swaggerUi = { 'swagger-ui-dist': lock.packages['node_modules/swagger-ui-dist'].version };
      const selfContained = SELF_CONTAINED.includes(app);
      expect(generated.dependencies ?? {}).toEqual(selfContained ? {} : swaggerUi);
      expect(generated.devDependencies ?? {}).toEqual({});
      const bundle = await readFile(path.join(root, 'dist/apps', app, 'main.js'), 'utf8');
      const externals = [...bundle.matchAll(/^module\.exports = require\("([^"]+)"\);$/gm)]
        .map(([, request]) => request)
        .filter((request) => !request.startsWith('node:') && !builtinModules.includes(request.split('/')[0]));
      expect(externals).toEqual(selfContained ? [] : ['swagger-ui-dist/absolute-path.js']);
    },
  );

  it.each(API_APPS)(
    '%s starts from its folder and answers /health, /ready and its API docs',
    async (app) => {
      const { base, stop } = await startBundle(deployDirs.get(app)!, {});
      try {
        const ready = await fetch(`${base}/ready`);
        expect(ready.status).toBe(200);
        expect(((await ready.json()) as { status: string }).status).toBe('ready');
        const docs = await fetch(`${base}/docs-json`);
        expect(docs.status).toBe(200);
        expect(((await docs.json()) as { info: { title: string } }).info.title).toMatch(/^BBWS /);
        // Swagger UI's assets are files read from node_modules at runtime, not bundled.
        const page = await fetch(`${base}/docs`);
        expect(page.status).toBe(200);
        const asset = /src="([^"]*swagger-ui-bundle\.js)"/.exec(await page.text())?.[1];
        expect(asset).toBeDefined();
        const script = await fetch(new URL(asset!, `${base}/docs`));
        expect(script.status).toBe(200);
        expect((await script.text()).length).toBeGreaterThan(100_000);
      } finally {
        await stop();
      }
    },
    40_000,
  );

  it('front-door starts from its folder, answers /health and publishes its signing keys', async () => {
    const dataDir = path.join(workspace, 'front-door-data');
    const { base, stop } = await startBundle(deployDirs.get('front-door')!, { BBWS_DATA_DIR: dataDir });
    try {
      const health = await fetch(`${base}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: object[] };
      expect(jwks.keys).toHaveLength(1);
    } finally {
      await stop();
    }
  }, 40_000);

  it('cli (bbws) runs from its folder: --version, --help, and exit code 8 when the API does not answer', async () => {
    const dir = deployDirs.get('cli')!;
    const bbws = (...args: string[]) =>
      spawnSync(process.execPath, ['main.js', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir, BBWS_CONFIG_DIR: path.join(dir, 'config') },
      });
    const version = bbws('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = bbws('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: bbws');
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map(([, name]) => name);
    expect(commands).toEqual([
      'login',
      'logout',
      'whoami',
      'tenants',
      'members',
      'invitations',
      'instances',
      'sites',
      'plugins',
      'templates',
      'operations',
      'webhooks',
      'completion',
      'help',
    ]);
    const completion = bbws('completion', 'bash');
    expect(completion.status).toBe(0);
    expect(completion.stdout).toContain('complete ');
    const closed = await freePort();
    const unavailable = bbws('tenants', 'list', '--api', `http://127.0.0.1:${closed}`, '--token', 'x');
    expect({ status: unavailable.status, stdout: unavailable.stdout }).toEqual({ status: 8, stdout: '' });
    expect(unavailable.stderr).toContain(`127.0.0.1:${closed}`);
  }, 30_000);
});
