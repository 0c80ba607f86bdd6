import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureRuntimePackages, MariaDbServer } from '@bbws/integrations-local-wordpress';
import { AlbProxy, WORKER_HEADER } from './alb.proxy';
import type { InstanceRef } from './instance.ref';
import { LocalInstanceRuntime, type LocalInstance } from './local-instance.runtime';
import { ECHO_HEADERS_PHP, RecordingHostRoutes, send, sha256 } from '../test/proxy-test.util';

jest.setTimeout(120_000);
const run = promisify(execFile);

describe('LocalInstanceRuntime and AlbProxy on real MariaDB, PHP and WordPress', () => {
  const ref: InstanceRef = { environment: 'DEV', slug: 'acme' };
  const host = 'acme.dev.localhost';
  const request = { ...ref, networkHost: host, adminEmail: 'ops@acme.test', title: 'Acme' };
  let baseDir: string;
  let server: MariaDbServer;
  let runtime: LocalInstanceRuntime;
  let routes: RecordingHostRoutes;
  let proxy: AlbProxy;
  let proxyUrl: string;
  let instance: LocalInstance;
  const secretsFile = () => join(baseDir, 'secrets', 'instances', 'dev', 'acme', 'instance-secrets.json');
  const saltsFile = () => join(baseDir, 'secrets', 'instances', 'dev', 'acme', 'wordpress-salts.json');
  const visit = (path = '/', headers: Record<string, string> = {}) =>
    send(proxyUrl, path, { host, ...headers });

  beforeAll(() => ensureRuntimePackages(), 15 * 60_000);

  beforeAll(async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'bbws-runtime-'));
    server = await MariaDbServer.start({
      baseDir: join(baseDir, 'mariadb'),
      ephemeral: true,
      templateCacheDir: tmpdir(),
    });
    runtime = new LocalInstanceRuntime({ dataDir: baseDir, server, healthCheckIntervalMs: 200 });
    routes = new RecordingHostRoutes();
    proxy = new AlbProxy({ routes, targets: runtime });
    proxyUrl = (await proxy.listen({ port: 0 })).url;
    instance = await runtime.ensureInstance(request);
  });

  afterAll(async () => {
    await proxy?.close();
    await runtime?.stopAll();
    await server?.stop();
    await rm(baseDir, { recursive: true, force: true });
  });

  it('provisions its own database and user, document root and network with the agent', async () => {
    expect(instance).toMatchObject({
      installedNow: true,
      database: { name: 'acme_dev_db', user: 'acme_dev' },
      docRoot: join(baseDir, 'instances', 'dev', 'acme'),
    });
    const secrets = JSON.parse(await readFile(secretsFile(), 'utf8')) as { databasePassword: string };
    expect((await stat(secretsFile())).mode & 0o777).toBe(0o600);
    const asInstanceUser = await run('mariadb', [
      '--no-defaults',
      '--protocol=tcp',
      `--host=${server.host}`,
      `--port=${server.port}`,
      '--user=acme_dev',
      `--password=${secrets.databasePassword}`,
      '--batch',
      '--skip-column-names',
      '-e',
      'SELECT domain FROM acme_dev_db.wp_site; SHOW DATABASES',
    ]);
    expect(asInstanceUser.stdout.split('\n').filter(Boolean)).toEqual([
      host,
      'acme_dev_db',
      'information_schema',
    ]);
    expect(existsSync(join(instance.docRoot, 'wp-content', 'mu-plugins', 'bbws-agent.php'))).toBe(true);
    const [core, linked] = await Promise.all([
      stat('/usr/share/wordpress/wp-includes/version.php'),
      stat(join(instance.docRoot, 'wp-includes', 'version.php')),
    ]);
    expect(linked.ino).toBe(core.ino);
  });

  it('changes nothing when ensured again, in this process or after a restart', async () => {
    const before = await Promise.all([readFile(secretsFile(), 'utf8'), readFile(saltsFile(), 'utf8')]);
    const registered = await server.query('SELECT user_registered FROM wp_users', 'acme_dev_db');

    const started = Date.now();
    const again = await runtime.ensureInstance(request);
    const inMemoryMs = Date.now() - started;
    const restarted = new LocalInstanceRuntime({ dataDir: baseDir, server, healthCheckIntervalMs: 0 });
    const afterRestart = await restarted.ensureInstance(request);

    expect(inMemoryMs).toBeLessThan(200);
    expect(again).toEqual({ ...instance, installedNow: false });
    expect(afterRestart).toEqual({ ...instance, installedNow: false });
    expect(
      await new LocalInstanceRuntime({ dataDir: baseDir, server, healthCheckIntervalMs: 0 }).describe(ref),
    ).toEqual({
      ...instance,
      installedNow: false,
    });
    expect(await Promise.all([readFile(secretsFile(), 'utf8'), readFile(saltsFile(), 'utf8')])).toEqual(
      before,
    );
    expect(await server.query('SELECT user_registered FROM wp_users', 'acme_dev_db')).toBe(registered);
  });

  it('refuses another network host or bad input with a clear error, changing nothing', async () => {
    await expect(
      runtime.ensureInstance({ ...request, networkHost: 'other.dev.localhost' }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'NETWORK_HOST_MISMATCH',
    });
    await expect(runtime.ensureInstance({ ...request, slug: 'Bad-Slug' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(runtime.scale(ref, -1)).rejects.toMatchObject({ status: 400 });
    expect(await server.query('SELECT domain FROM wp_site', 'acme_dev_db')).toBe(host);
    expect(existsSync(join(baseDir, 'instances', 'dev', 'Bad-Slug'))).toBe(false);
    expect((await runtime.health(ref)).running).toBe(0);
  });

  it('serves the network front page through the proxy once scaled to 1, bodies both ways', async () => {
    routes.rules.set(host, { kind: 'forward', ...ref });
    await runtime.scale(ref, 1);

    const front = await visit('/');
    const login = await send(
      proxyUrl,
      '/wp-login.php',
      { host, 'content-type': 'application/x-www-form-urlencoded' },
      { method: 'POST', content: 'log=nobody-here&pwd=wrong' },
    );

    expect(front.status).toBe(200);
    expect(front.body).toContain('Acme');
    expect(routes.asked).toContain(host);
    expect(login.status).toBe(200);
    expect(login.body).toContain('nobody-here');
  });

  it('keeps Host and adds X-Forwarded-For/-Proto/-Host', async () => {
    await writeFile(join(instance.docRoot, 'echo-headers.php'), ECHO_HEADERS_PHP);

    const seen = await visit('/echo-headers.php', { 'x-forwarded-for': '203.0.113.9' });

    expect(JSON.parse(seen.body)).toEqual({
      host,
      forwardedFor: '203.0.113.9, 127.0.0.1',
      forwardedProto: 'http',
      forwardedHost: host,
    });
  });

  it('routes by X-Forwarded-Host without its port when mounted behind the front door', async () => {
    const behindFrontDoor = new AlbProxy({
      routes,
      targets: runtime,
      trustForwardedHost: true,
      stripHostPort: true,
    });
    const { url } = await behindFrontDoor.listen();
    try {
      const resolved = behindFrontDoor.hostRouter().resolve(host);
      const answer = await send(url, '/', {
        host: `127.0.0.1:${new URL(url).port}`,
        'x-forwarded-host': `${host}:3000`,
      });
      expect(resolved).toBe(url);
      expect(behindFrontDoor.hostRouter().resolve('nobody.dev.localhost')).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('Acme');
    } finally {
      await behindFrontDoor.close();
    }
  });

  it('spreads requests round-robin over three workers, and only over healthy ones', async () => {
    const scaling = runtime.scale(ref, 3);
    const during = await runtime.health(ref);
    await scaling;
    const health = await runtime.health(ref);
    expect(during.running).toBeLessThan(3);
    expect(health).toMatchObject({ running: 3, healthy: true });
    const ports = health.workers.map((worker) => String(worker.port));
    expect(new Set(ports).size).toBe(3);

    const served: string[] = [];
    for (let i = 0; i < 6; i++) served.push(String((await visit('/wp-login.php')).headers[WORKER_HEADER]));
    expect(served.slice(3)).toEqual(served.slice(0, 3));
    expect([...served.slice(0, 3)].sort()).toEqual([...ports].sort());

    process.kill(-health.workers[0].pid, 'SIGKILL');
    for (let waited = 0; runtime.healthyWorkerPorts(ref).length > 2 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const after: string[] = [];
    for (let i = 0; i < 4; i++) after.push(String((await visit('/wp-login.php')).headers[WORKER_HEADER]));
    expect(new Set(after)).toEqual(new Set(ports.slice(1)));
    expect(await runtime.health(ref)).toMatchObject({ running: 3, healthy: false });
  });

  it('answers 503 when scaled to 0, the maintenance page for a fixed rule, 404 for an unknown host', async () => {
    await runtime.scale(ref, 0);
    const noWorkers = await visit('/');
    routes.rules.set(host, {
      kind: 'fixed',
      statusCode: 503,
      contentType: 'text/html',
      body: '<h1>Down for maintenance</h1>',
    });
    const maintenance = await visit('/wp-admin/');
    const unknown = await send(proxyUrl, '/', { host: 'nobody.dev.localhost' });
    const broken = new AlbProxy({
      routes: {
        route: () => {
          throw new Error('rules unavailable');
        },
      },
      targets: runtime,
    });
    const failed = await send((await broken.listen()).url, '/', { host }).finally(() => broken.close());

    expect(await runtime.health(ref)).toEqual({ running: 0, healthy: true, workers: [] });
    expect(noWorkers.status).toBe(503);
    expect(maintenance).toMatchObject({ status: 503, body: '<h1>Down for maintenance</h1>' });
    expect(maintenance.headers['content-type']).toBe('text/html');
    expect(unknown.status).toBe(404);
    expect(failed.status).toBe(500);
  });

  it('archives the database dump with the network tables and a tarball of wp-content', async () => {
    const archive = await runtime.archive(ref, join(baseDir, 'archive'));

    const dump = await readFile(archive.databaseDump.path, 'utf8');
    for (const table of ['wp_site', 'wp_blogs', 'wp_sitemeta', 'wp_options', 'wp_users']) {
      expect(dump).toContain(`CREATE TABLE \`${table}\``);
    }
    expect(dump).toContain(host);
    const entries = (await run('tar', ['-tzf', archive.wpContent.path])).stdout.split('\n');
    expect(entries).toEqual(
      expect.arrayContaining([
        'wp-content/mu-plugins/bbws-agent.php',
        'wp-content/themes/twentytwentythree/style.css',
      ]),
    );
    for (const file of [archive.databaseDump, archive.wpContent]) {
      expect(file.sha256).toBe(await sha256(file.path));
      expect(file.bytes).toBe((await stat(file.path)).size);
    }
  });

  it('removes the instance: workers stopped, database and user dropped, files deleted; idempotent', async () => {
    await runtime.scale(ref, 1);
    const [port] = runtime.healthyWorkerPorts(ref);

    await runtime.removeInstance(ref);
    await runtime.removeInstance(ref);

    expect(await server.listDatabases()).not.toContain('acme_dev_db');
    expect(await server.query("SELECT COUNT(*) FROM mysql.user WHERE user = 'acme_dev'")).toBe('0');
    expect(existsSync(instance.docRoot)).toBe(false);
    expect(existsSync(secretsFile())).toBe(false);
    expect(
      (await send(`http://127.0.0.1:${port}`, '/wp-login.php', { host }).catch(() => undefined))?.status,
    ).toBe(undefined);
    await expect(runtime.scale(ref, 1)).rejects.toMatchObject({
      status: 404,
      code: 'LOCAL_INSTANCE_NOT_FOUND',
    });
  });

  it('reports LOCAL_RUNTIME_MISSING with the packages and the install command, creating nothing', async () => {
    const missing = new LocalInstanceRuntime({
      dataDir: baseDir,
      server,
      coreDir: join(baseDir, 'no-wordpress'),
    });
    const attempt = missing.ensureInstance({ ...request, slug: 'ghost' });

    await expect(attempt).rejects.toMatchObject({ code: 'LOCAL_RUNTIME_MISSING', status: 503 });
    await expect(attempt).rejects.toThrow(/wordpress.*apt-get .*install/);
    expect(await server.listDatabases()).not.toContain('ghost_dev_db');
    expect(existsSync(join(baseDir, 'instances', 'dev', 'ghost'))).toBe(false);
    await missing.stopAll();
  });
});
