import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { layoutDocumentRoot } from './document-root.layout';
import { probe } from './http-probe.util';
import { LocalWordPressInstance } from './local-wordpress.instance';
import { MariaDbServer } from './mariadb.server';
import { installNetwork } from './network.installer';
import { ensureRuntimePackages } from './runtime-packages.check';
import { DEBIAN_WORDPRESS_CORE } from './runtime.paths';
import { wordpressEnvironment } from './wordpress.env';
import { loadOrCreateSalts } from './wordpress-salts.store';

jest.setTimeout(120_000);
// On a machine without the OS packages the first run installs them.
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const run = promisify(execFile);

function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function siteName(port: number, host: string): Promise<string> {
  const { stdout } = await run('php', [
    '-r',
    `$c = stream_context_create(['http' => ['header' => "Host: ${host}\\r\\n"]]);
     echo json_decode(file_get_contents('http://127.0.0.1:${port}/wp-json/', false, $c))->name;`,
  ]);
  return stdout;
}

describe('LocalWordPressInstance on one MariaDB server', () => {
  let baseDir: string;
  let server: MariaDbServer;
  let alpha: LocalWordPressInstance;
  let beta: LocalWordPressInstance;

  const options = (slug: string) => ({
    database: { name: `${slug}_test_db`, user: `${slug}_test`, password: `${slug}-password` },
    docRoot: join(baseDir, 'instances', slug),
    networkDomain: `${slug}.localhost`,
    agentSecret: `${slug}-secret`,
    title: `Network ${slug}`,
    logFile: join(baseDir, `${slug}.log`),
  });

  beforeAll(() => ensureRuntimePackages(), INSTALL_TIMEOUT_MS);

  beforeAll(async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'bbws-lwp-'));
    server = await MariaDbServer.start({
      baseDir: join(baseDir, 'mariadb'),
      ephemeral: true,
      templateCacheDir: tmpdir(),
    });
    [alpha, beta] = await Promise.all([
      LocalWordPressInstance.provision({ server, ...options('alpha') }),
      LocalWordPressInstance.provision({ server, ...options('beta') }),
    ]);
  });

  afterAll(async () => {
    await alpha?.workers.stop();
    await beta?.workers.stop();
    await server?.stop();
    await rm(baseDir, { recursive: true, force: true });
  });

  it('gives each instance its own database and a user that cannot reach the other one', async () => {
    expect(await server.listDatabases()).toEqual(expect.arrayContaining(['alpha_test_db', 'beta_test_db']));
    const asAlpha = ['--no-defaults', '-h', '127.0.0.1', '-P', String(server.port), '-u', 'alpha_test'];
    await expect(
      run('mariadb', [...asAlpha, '-palpha-password', '-e', 'SELECT 1', 'alpha_test_db']),
    ).resolves.toBeDefined();
    await expect(
      run('mariadb', [...asAlpha, '-palpha-password', '-e', 'SELECT 1', 'beta_test_db']),
    ).rejects.toThrow(/Access denied/);
  });

  it('installs a subdomain multisite network per instance, each served under its own host', async () => {
    expect(alpha.installReport).toMatchObject({
      installedSite: true,
      installedNetwork: true,
      domain: 'alpha.localhost',
    });
    expect(await alpha.query("SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'subdomain_install'")).toBe(
      '1',
    );
    await Promise.all([alpha.workers.scaleTo(1), beta.workers.scaleTo(1)]);
    expect(await siteName(alpha.workers.ports[0], 'alpha.localhost')).toBe('Network alpha');
    expect(await siteName(beta.workers.ports[0], 'beta.localhost')).toBe('Network beta');
  });

  it('scales workers 1 -> 2 -> 0, every worker answering the health check, none left after 0', async () => {
    await alpha.workers.scaleTo(1);
    const [firstPort] = alpha.workers.ports;
    await alpha.workers.scaleTo(2);
    expect(alpha.workers.size).toBe(2);
    expect(new Set(alpha.workers.ports).size).toBe(2);
    expect(alpha.workers.ports[0]).toBe(firstPort);
    expect(await alpha.workers.isHealthy(2)).toBe(true);
    const pids = alpha.workers.pids;
    expect(pids.every(alive)).toBe(true);

    await alpha.workers.scaleTo(0);

    expect(alpha.workers.size).toBe(0);
    expect(pids.some(alive)).toBe(false);
    expect(processesMentioning(alpha.docRoot)).toEqual([]);
    expect(await probe(firstPort, '/wp-login.php', 'alpha.localhost')).toBeUndefined();
  });

  it('reuses the same ports when workers start again', async () => {
    await beta.workers.scaleTo(2);
    const ports = beta.workers.ports;
    await beta.workers.stop();
    await beta.workers.scaleTo(2);
    expect(beta.workers.ports).toEqual(ports);
    expect(await beta.workers.isHealthy(2)).toBe(true);
    await beta.workers.stop();
  });

  it('passes the agent secret and the environment type to WordPress as constants', async () => {
    const { stdout } = await run(
      'php',
      [
        '-r',
        `$_SERVER['HTTP_HOST'] = 'alpha.localhost'; $_SERVER['REQUEST_URI'] = '/';
         require 'wp-load.php'; echo BBWS_AGENT_SECRET, ' ', wp_get_environment_type(), ' ', DOMAIN_CURRENT_SITE;`,
      ],
      { cwd: alpha.docRoot, env: alpha.env },
    );
    expect(stdout).toBe('alpha-secret local alpha.localhost');
  });

  it('lays out core as hard links to the package, with its own wp-config.php and wp-content', async () => {
    const version = 'wp-includes/version.php';
    const [packaged, laidOut] = await Promise.all([
      stat(join(DEBIAN_WORDPRESS_CORE, version)),
      stat(join(alpha.docRoot, version)),
    ]);
    expect(laidOut.ino).toBe(packaged.ino);
    expect(await readFile(join(alpha.docRoot, 'wp-config.php'), 'utf8')).toContain('BBWS_AGENT_SECRET');
    const theme = await stat(join(alpha.docRoot, 'wp-content/themes/twentytwentythree/style.css'));
    expect(theme.nlink).toBe(1);
    // The package links getID3 relatively into /usr/share/php; the copy must not dangle.
    expect((await stat(join(alpha.docRoot, 'wp-includes/ID3/getid3.php'))).isFile()).toBe(true);
  });

  it('provisions again without reinstalling or losing content', async () => {
    await alpha.query("UPDATE wp_options SET option_value = 'kept' WHERE option_name = 'blogdescription'");
    const again = await LocalWordPressInstance.provision({ server, ...options('alpha') });
    expect(again.installReport).toMatchObject({ installedSite: false, installedNetwork: false });
    expect(
      await again.query("SELECT option_value FROM wp_options WHERE option_name = 'blogdescription'"),
    ).toBe('kept');
  });

  it('installs the network once when several installers race (containers starting together)', async () => {
    const race = options('race');
    await server.createDatabase(race.database);
    await layoutDocumentRoot({ docRoot: race.docRoot });
    const env = wordpressEnvironment({
      database: { host: server.host, port: server.port, ...race.database },
      networkDomain: race.networkDomain,
      agentSecret: race.agentSecret,
      salts: await loadOrCreateSalts(join(baseDir, 'race-secrets')),
    });

    const reports = await Promise.all([1, 2, 3].map(() => installNetwork({ docRoot: race.docRoot, env })));

    expect(reports.filter((report) => report.installedSite)).toHaveLength(1);
    expect(reports.filter((report) => report.installedNetwork)).toHaveLength(1);
    const counts = await server.query(
      'SELECT (SELECT COUNT(*) FROM wp_users), (SELECT COUNT(*) FROM wp_site), (SELECT COUNT(*) FROM wp_blogs)',
      race.database.name,
    );
    expect(counts).toBe('1\t1\t1');
  });

  it('deprovisions: workers stopped, database and user dropped, document root removed', async () => {
    const gamma = await LocalWordPressInstance.provision({ server, ...options('gamma') });
    await gamma.workers.scaleTo(1);
    const [pid] = gamma.workers.pids;

    await gamma.deprovision();

    expect(alive(pid)).toBe(false);
    expect(await server.listDatabases()).not.toContain('gamma_test_db');
    expect(await server.query("SELECT COUNT(*) FROM mysql.user WHERE User = 'gamma_test'")).toBe('0');
    expect(existsSync(gamma.docRoot)).toBe(false);
    expect(existsSync(`${gamma.docRoot}.secrets`)).toBe(false);
  });
});

describe('MariaDbServer', () => {
  beforeAll(() => ensureRuntimePackages(), INSTALL_TIMEOUT_MS);

  it('stops without leaving a process, and replaces a server a previous run left on the same data directory', async () => {
    const baseDir = await mkdtemp(join(tmpdir(), 'bbws-mdb-'));
    try {
      const leftover = await MariaDbServer.start({ baseDir, ephemeral: true, templateCacheDir: tmpdir() });
      await leftover.createDatabase({ name: 'kept_db', user: 'kept', password: 'pw' });

      const server = await MariaDbServer.start({ baseDir, ephemeral: true, templateCacheDir: tmpdir() });

      expect(alive(leftover.pid)).toBe(false);
      expect(await server.listDatabases()).toContain('kept_db');
      await server.stop();
      expect(alive(server.pid)).toBe(false);
      expect(processesMentioning(baseDir)).toEqual([]);
    } finally {
      await rm(baseDir, { recursive: true, force: true });
    }
  });
});
