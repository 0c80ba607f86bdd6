import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBbwsClient, unwrap } from '@bbws/sdk';
import { repoRoot } from '@bbws/testing-engines';
import { startTestPlatform, type TestPlatform } from '../platform/test-platform';
import { pack, run, sdkVersion, writeConsumer } from './consumer-project';

jest.setTimeout(180_000);

describe('@bbws/sdk as a published package: build, pack, install, compile against, run', () => {
  let platform: TestPlatform;
  let workDir: string;
  let consumer: string;
  const tsc = path.join(repoRoot(), 'node_modules/typescript/bin/tsc');

  beforeAll(async () => {
    [platform, workDir] = await Promise.all([
      startTestPlatform(),
      mkdtemp(path.join(tmpdir(), 'bbws-sdk-package-')),
    ]);
    consumer = path.join(workDir, 'consumer');
  });
  afterAll(async () => {
    await platform?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('builds a package of compiled JS, declarations, package.json and README only', async () => {
    const build = path.join(workDir, 'build');
    const built = await run(
      process.execPath,
      ['libs/sdk/scripts/build-package.mjs', '--out', build, '--quiet'],
      repoRoot(),
    );
    expect(built).toMatchObject({ status: 0, stderr: '' });
    const manifest = JSON.parse(await readFile(path.join(build, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '@bbws/sdk', main: './index.js', types: './index.d.ts' });
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['cockatiel', 'openapi-fetch']);
    expect((await readdir(build)).sort()).toEqual(
      expect.arrayContaining(['README.md', 'index.d.ts', 'index.js', 'generated', 'client']),
    );
    const tarball = await pack(build, workDir);
    expect(tarball).toBe(`bbws-sdk-${await sdkVersion()}.tgz`);

    await writeConsumer(consumer, path.join(workDir, tarball), workDir);
    const installed = await run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'],
      consumer,
    );
    expect(installed.status).toBe(0);
    const files = await readdir(path.join(consumer, 'node_modules/@bbws/sdk'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'README.md']));
    expect(files).not.toContain('src');
  });

  it("compiles a consumer against the package's types, and refuses its mistakes", async () => {
    const [compiled, refused] = await Promise.all([
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer),
      run(process.execPath, [tsc, '-p', 'tsconfig.mistakes.json', '--noEmit'], consumer),
    ]);
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);

    expect(refused.status).not.toBe(0);
    const errors = refused.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.map((line) => line.match(/mistakes\.ts\((\d+),/)?.[1])).toEqual(['7', '8', '9', '10']);
    expect(refused.stdout).toContain("error TS2322: Type 'number' is not assignable to type 'string'");
    expect(refused.stdout).toContain("Property 'contactEmail' is missing");
    expect(refused.stdout).toContain('"/v1.0/no-such-route"');
    expect(refused.stdout).toContain('"/v1.0/tenants/{tenantId}/sites/{siteId}"');
  });

  it("runs the consumer's JS against the running platform", async () => {
    const name = `Consumer ${Date.now().toString(36)}`;
    const ran = await run(
      process.execPath,
      ['dist/main.js', platform.url, await platform.adminToken(), name],
      consumer,
    );
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const output = JSON.parse(ran.stdout);
    expect(output).toEqual({
      tenantId: expect.any(String),
      status: 'PENDING',
      listed: [output.tenantId],
      missing: expect.stringMatching(/^404 [A-Z_]*NOT_FOUND$/),
    });
    const bbws = createBbwsClient({ baseUrl: platform.url, token: platform.adminToken });
    const tenant = await unwrap(
      bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: output.tenantId } } }),
    );
    expect(tenant.organizationName).toBe(name);
  });
});
