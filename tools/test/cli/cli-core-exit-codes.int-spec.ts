import path from 'node:path';
import { access } from 'node:fs/promises';
import { freePort } from '@bbws/testing-engines';
import { CliCoreFixture, unique } from './cli-core.fixture';

jest.setTimeout(120_000);

describe('bbws exit codes and error output, per error class', () => {
  let fx: CliCoreFixture;
  beforeAll(async () => {
    fx = await CliCoreFixture.start();
  });
  afterAll(() => fx.close());

  const newTenant = async () =>
    (
      await fx.bbws(
        fx.adminToken,
        'tenants',
        'create',
        '--name',
        unique('CLI Codes'),
        '--email',
        'ops@codes.example',
        '-q',
      )
    ).stdout.trim();

  it('3 without a token (with the way to log in) and with an invalid one; login keeps no invalid token', async () => {
    const nobody = { env: { BBWS_CONFIG_DIR: path.join(fx.configDir, 'nobody') } };
    const none = await fx.run(['--api', fx.platform.url, 'tenants', 'list'], nobody);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('401 UNAUTHORIZED');
    expect(none.stderr).toContain('bbws login --token');
    expect((await fx.bbws('not-a-token', 'tenants', 'list')).code).toBe(3);
    const login = await fx.run(['--api', fx.platform.url, 'login', '--token', 'not-a-token'], nobody);
    expect(login.code).toBe(3);
    await expect(access(path.join(fx.configDir, 'nobody', 'config.json'))).rejects.toThrow();
    // A user without the role: 403 is also 3.
    const outsider = await fx.platform.userToken(`outsider-${Date.now()}@codes.example`);
    const refused = await fx.bbws(
      outsider,
      'tenants',
      'create',
      '--name',
      unique('CLI Codes'),
      '--email',
      'a@b.example',
    );
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('403 FORBIDDEN');
  });

  it("4 for another tenant's resources, as for ones that do not exist", async () => {
    const [mine, theirs] = [await newTenant(), await newTenant()];
    const alice = await fx.directoryUser(`alice-${Date.now()}@codes.example`, 'Alice Codes');
    expect(
      (await fx.bbws(fx.adminToken, 'members', 'add', mine, '--email', alice.email, '--role', 'ADMIN')).code,
    ).toBe(0);
    expect((await fx.bbws(alice.token, 'tenants', 'get', mine)).code).toBe(0);
    const foreign = await fx.bbws(alice.token, '--json', 'tenants', 'get', theirs);
    expect(foreign.code).toBe(4);
    expect(JSON.parse(foreign.stderr)).toMatchObject({ error: { status: 404, code: 'TENANT_NOT_FOUND' } });
    expect((await fx.bbws(alice.token, 'webhooks', 'list', theirs)).code).toBe(4);
    expect(
      (await fx.bbws(alice.token, 'members', 'update', theirs, alice.userId, '--role', 'VIEWER')).code,
    ).toBe(4);
  });

  it('5 for a stale --if-match (the tenant changed between read and write) and for a taken name', async () => {
    const tenantId = await newTenant();
    const { version } = await fx.json<{ version: number }>(fx.adminToken, 'tenants', 'get', tenantId);
    const first = await fx.bbws(
      fx.adminToken,
      'tenants',
      'update',
      tenantId,
      '--tier',
      'PROFESSIONAL',
      '--if-match',
      String(version),
    );
    expect(first.code).toBe(0);
    const second = await fx.bbws(
      fx.adminToken,
      '--json',
      'tenants',
      'update',
      tenantId,
      '--tier',
      'ENTERPRISE',
      '--if-match',
      String(version),
    );
    expect(second.code).toBe(5);
    expect(JSON.parse(second.stderr)).toMatchObject({ error: { status: 412, code: 'PRECONDITION_FAILED' } });
    expect((await fx.json(fx.adminToken, 'tenants', 'get', tenantId)).tier).toBe('PROFESSIONAL');
    // Without --if-match the command reads the version first, so the write applies.
    expect((await fx.bbws(fx.adminToken, 'tenants', 'update', tenantId, '--tier', 'ENTERPRISE')).code).toBe(
      0,
    );
    expect((await fx.json(fx.adminToken, 'tenants', 'get', tenantId)).tier).toBe('ENTERPRISE');

    const { organizationName } = await fx.json(fx.adminToken, 'tenants', 'get', tenantId);
    const taken = await fx.bbws(
      fx.adminToken,
      'tenants',
      'create',
      '--name',
      organizationName,
      '--email',
      'x@codes.example',
    );
    expect(taken.code).toBe(5);
    expect(taken.stderr).toContain('409 ORGANIZATION_NAME_TAKEN');
  });

  it('6 for input the API refuses, with the field errors', async () => {
    const bad = await fx.bbws(
      fx.adminToken,
      '--json',
      'tenants',
      'create',
      '--name',
      unique('CLI Codes'),
      '--email',
      'not-an-email',
    );
    expect(bad.code).toBe(6);
    expect(bad.stdout).toBe('');
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { status: 400, code: 'VALIDATION_ERROR' } });
    const tenantId = await newTenant();
    const shortReason = await fx.bbws(fx.adminToken, 'tenants', 'status', tenantId, 'ACTIVE');
    expect(shortReason.code).toBe(0);
    expect((await fx.bbws(fx.adminToken, 'tenants', 'suspend', tenantId, '--reason', 'short')).code).toBe(6);
  });

  it('7 when the watched operation ends FAILED or CANCELLED; the error on stderr', async () => {
    const tenantId = await newTenant();
    const failing = await fx.pendingOperation(tenantId);
    const watching = fx.bbws(fx.adminToken, 'operations', 'watch', failing.operationId, '--interval', '100');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fx.operations.fail(failing, null, {
      error: { code: 'WORDPRESS_UNREACHABLE', message: 'the instance did not answer', retryable: false },
    });
    const failed = await watching;
    expect(failed.code).toBe(7);
    expect(failed.stderr).toContain('WORDPRESS_UNREACHABLE: the instance did not answer');
    expect(failed.stdout).toBe('');

    const pending = await fx.pendingOperation(tenantId);
    expect((await fx.bbws(fx.adminToken, 'operations', 'cancel', pending.operationId, '-q')).stdout).toBe(
      `${pending.operationId}\n`,
    );
    const cancelled = await fx.bbws(fx.adminToken, '--json', 'operations', 'watch', pending.operationId);
    expect(cancelled.code).toBe(7);
    expect(JSON.parse(cancelled.stderr)).toMatchObject({
      operation: { operationId: pending.operationId, status: 'CANCELLED' },
    });
  });

  it('8 when nothing answers at the API address', async () => {
    const port = await freePort();
    const run = await fx.run([
      '--api',
      `http://127.0.0.1:${port}`,
      '--token',
      fx.adminToken,
      'tenants',
      'list',
    ]);
    expect(run.code).toBe(8);
    expect(run.stderr).toContain('ECONNREFUSED');
  });

  it('2 for usage errors: unknown command, missing option, malformed value, unknown shell', async () => {
    const runs = await Promise.all([
      fx.bbws(fx.adminToken, 'tenants', 'lisst'),
      fx.bbws(fx.adminToken, 'tenants', 'create', '--email', 'ops@codes.example'),
      fx.bbws(fx.adminToken, 'tenants', 'list', '--limit', 'lots'),
      fx.bbws(fx.adminToken, 'tenants', 'update', 'tenant-x'),
      fx.run(['completion', 'fish']),
    ]);
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[0]?.stderr).toContain("unknown command 'lisst'");
    expect(runs[1]?.stderr).toContain("required option '--name <organizationName>' not specified");
  });
});
