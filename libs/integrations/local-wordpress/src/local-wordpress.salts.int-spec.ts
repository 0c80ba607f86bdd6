import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalWordPressInstance } from './local-wordpress.instance';
import { MariaDbServer } from './mariadb.server';
import { ensureRuntimePackages } from './runtime-packages.check';
import { WORDPRESS_SALT_NAMES } from './wordpress-salts.store';

jest.setTimeout(120_000);
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const run = promisify(execFile);
const SALTS = WORDPRESS_SALT_NAMES;

const saltsOf = (instance: LocalWordPressInstance) => SALTS.map((name) => instance.env[`WORDPRESS_${name}`]);

/** The constants WordPress defines from the instance's wp-config.php, as PHP prints them. */
async function saltConstants(instance: LocalWordPressInstance): Promise<string[]> {
  const { stdout } = await run(
    'php',
    [
      '-r',
      `$_SERVER['HTTP_HOST'] = '${instance.networkDomain}'; $_SERVER['REQUEST_URI'] = '/';
       require 'wp-load.php'; echo json_encode(array_map('constant', ${JSON.stringify(SALTS).replace(/"/g, "'")}));`,
    ],
    { cwd: instance.docRoot, env: instance.env },
  );
  return JSON.parse(stdout) as string[];
}

describe('WordPress salts of a local instance', () => {
  let baseDir: string;
  let server: MariaDbServer;
  let alpha: LocalWordPressInstance;
  let beta: LocalWordPressInstance;

  const options = (slug: string) => ({
    server,
    database: { name: `${slug}_salt_db`, user: `${slug}_salt`, password: `${slug}-password` },
    docRoot: join(baseDir, 'instances', slug, 'docroot'),
    secretsDir: join(baseDir, 'instances', slug, 'secrets'),
    networkDomain: `${slug}.localhost`,
    agentSecret: `${slug}-agent-secret`,
  });

  beforeAll(() => ensureRuntimePackages(), INSTALL_TIMEOUT_MS);

  beforeAll(async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'bbws-salts-'));
    server = await MariaDbServer.start({
      baseDir: join(baseDir, 'mariadb'),
      ephemeral: true,
      templateCacheDir: tmpdir(),
    });
    alpha = await LocalWordPressInstance.provision(options('alpha'));
    beta = await LocalWordPressInstance.provision(options('beta'));
  });

  afterAll(async () => {
    await server?.stop();
    await rm(baseDir, { recursive: true, force: true });
  });

  it('generates eight random salts once per instance and WordPress uses them', async () => {
    const salts = saltsOf(alpha);

    expect(salts.every((salt) => typeof salt === 'string' && salt.length >= 64)).toBe(true);
    expect(new Set(salts).size).toBe(8);
    expect(await saltConstants(alpha)).toEqual(salts);
  });

  it('keeps them in the instance secrets file, readable by its owner only', async () => {
    const file = await stat(join(baseDir, 'instances', 'alpha', 'secrets', 'wordpress-salts.json'));

    expect(file.mode & 0o777).toBe(0o600);
  });

  it('passes the same salts again when the instance starts again', async () => {
    const restarted = await LocalWordPressInstance.provision(options('alpha'));

    expect(saltsOf(restarted)).toEqual(saltsOf(alpha));
    expect(await saltConstants(restarted)).toEqual(saltsOf(alpha));
  });

  it('gives another instance other salts', () => {
    const others = new Set(saltsOf(beta));

    expect(saltsOf(alpha).some((salt) => others.has(salt))).toBe(false);
  });

  it('derives nothing from the agent secret or the database name', () => {
    const derived = SALTS.map((name) =>
      createHmac('sha256', 'alpha-agent-secret' + 'alpha_salt_db')
        .update(`wp-salt:${name}`)
        .digest('hex'),
    );

    for (const salt of saltsOf(alpha)) {
      expect(derived).not.toContain(salt);
      expect(salt).not.toContain('alpha-agent-secret');
    }
  });

  it('wp-config.php refuses to load WordPress when a salt is missing, naming it', async () => {
    const { WORDPRESS_NONCE_SALT: _missing, ...env } = alpha.env;

    const loading = run(
      'php',
      ['-r', `$_SERVER['HTTP_HOST'] = 'alpha.localhost'; require 'wp-load.php'; echo 'booted';`],
      {
        cwd: alpha.docRoot,
        env,
      },
    );

    await expect(loading).rejects.toMatchObject({
      code: 1,
      stdout: expect.not.stringContaining('booted'),
      stderr: expect.stringContaining('WORDPRESS_NONCE_SALT'),
    });
  });
});
