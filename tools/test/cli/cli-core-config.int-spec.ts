import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@bbws/testing-engines';
import { CliCoreFixture } from './cli-core.fixture';

jest.setTimeout(120_000);

describe('bbws configuration: --api/--token, then BBWS_API/BBWS_TOKEN, then bbws login', () => {
  let fx: CliCoreFixture;
  let configDir: string;
  let deadApi: string;
  beforeAll(async () => {
    fx = await CliCoreFixture.start();
    configDir = await mkdtemp(path.join(tmpdir(), 'bbws-cli-config-'));
    deadApi = `http://127.0.0.1:${await freePort()}`;
  });
  afterAll(async () => {
    await fx.close();
    await rm(configDir, { recursive: true, force: true });
  });

  const whoami = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    fx.run([...argv, 'whoami', '-q'], { env: { BBWS_CONFIG_DIR: configDir, ...env } });

  it('keeps the login in a file only its owner may read', async () => {
    expect(
      (
        await fx.run(['--api', fx.platform.url, '--token', fx.adminToken, 'login'], {
          env: { BBWS_CONFIG_DIR: configDir },
        })
      ).code,
    ).toBe(0);
    expect((await stat(path.join(configDir, 'config.json'))).mode & 0o777).toBe(0o600);
    expect((await whoami([])).code).toBe(0);
  });

  it('takes BBWS_TOKEN and BBWS_API over the login, and the flags over both', async () => {
    expect((await whoami([], { BBWS_TOKEN: 'not-a-token' })).code).toBe(3);
    expect((await whoami(['--token', fx.adminToken], { BBWS_TOKEN: 'not-a-token' })).code).toBe(0);
    expect((await whoami([], { BBWS_API: deadApi })).code).toBe(8);
    expect((await whoami(['--api', fx.platform.url], { BBWS_API: deadApi })).code).toBe(0);
    const user = await fx.platform.userToken(`config-${Date.now()}@config.example`);
    const asUser = await whoami(['--token', user]);
    expect(asUser.code).toBe(0);
    expect(asUser.stdout).not.toBe((await whoami([])).stdout);
  });

  it('forgets the token on logout, keeping the API', async () => {
    expect((await fx.run(['logout'], { env: { BBWS_CONFIG_DIR: configDir } })).code).toBe(0);
    const after = await whoami([]);
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('bbws login --token');
  });
});
