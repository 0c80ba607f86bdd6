import { freePort } from '@bbws/testing-engines';
import { CliSitesFixture, EXIT } from './cli-sites.fixture';

jest.setTimeout(60_000);

describe('bbws instances', () => {
  let fx: CliSitesFixture;
  let admin: string;
  beforeAll(async () => {
    // Nothing listens there: the runtime status of a deployed instance cannot be read.
    fx = await CliSitesFixture.start({ env: { ECS_ENDPOINT: `http://127.0.0.1:${await freePort()}` } });
    admin = fx.adminToken;
  });
  afterAll(() => fx?.close());

  it('creates an instance: the provisioning operation, -q its id, the instance listed; one per environment', async () => {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const started = await fx.bbws(admin, 'instances', 'create', tenantId, '--env', 'DEV');
    expect(started.code).toBe(EXIT.OK);
    expect(started.stdout).toMatch(/^status +PENDING$/m);
    expect(started.stdout).toMatch(/^resource +instance inst-/m);
    const operationId = /^operationId +(\S+)$/m.exec(started.stdout)?.[1] ?? '';
    const operation = await fx.apiGet(admin, `/v1.0/operations/${operationId}`);

    const listed = await fx.json(token, 'instances', 'list', tenantId);
    expect(listed).toEqual([
      expect.objectContaining({
        instanceId: operation.resourceId,
        environment: 'DEV',
        status: 'PENDING_PROVISIONING',
      }),
    ]);
    expect(listed).toEqual((await fx.apiGet(token, `/v1.0/tenants/${tenantId}/instances`)).items);
    const table = await fx.bbws(token, 'instances', 'list', tenantId);
    expect(table.stdout).toMatch(new RegExp(`${operation.resourceId} +│ DEV +│ PENDING_PROVISIONING +│ 0/1`));
    const shown = await fx.bbws(token, 'instances', 'get', tenantId, operation.resourceId);
    expect(shown.stdout).toMatch(/^tier +STANDARD$/m);

    const quiet = await fx.bbws(admin, '-q', 'instances', 'create', tenantId, '--env', 'SIT');
    expect(quiet.code).toBe(EXIT.OK);
    expect(await fx.apiGet(admin, `/v1.0/operations/${quiet.stdout.trim()}`)).toMatchObject({
      tenantId,
      resourceType: 'instance',
    });
    const again = await fx.bbws(admin, 'instances', 'create', tenantId, '--env', 'DEV');
    expect(again.code).toBe(EXIT.CONFLICT);
    expect(again.stderr).toMatch(/^bbws: 409 /);
  });

  it('refuses bad input (6), a bad count on the command line (2) and tenant members (3)', async () => {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const badEnv = await fx.bbws(admin, 'instances', 'create', tenantId, '--env', 'QA');
    expect(badEnv.code).toBe(EXIT.INVALID);
    expect(badEnv.stderr).toMatch(/^bbws: 400 VALIDATION_ERROR/);
    const prodOfOne = await fx.bbws(admin, 'instances', 'create', tenantId, '--env', 'PROD', '--count', '1');
    expect(prodOfOne.code).toBe(EXIT.INVALID);
    const notANumber = await fx.bbws(
      admin,
      'instances',
      'create',
      tenantId,
      '--env',
      'DEV',
      '--count',
      'two',
    );
    expect(notANumber.code).toBe(EXIT.USAGE);
    expect(notANumber.stderr).toContain('whole number');
    const member = await fx.bbws(token, 'instances', 'create', tenantId, '--env', 'DEV');
    expect(member.code).toBe(EXIT.AUTH);
    expect(member.stderr).toMatch(/^bbws: 403 /);
    expect(await fx.json(admin, 'instances', 'list', tenantId)).toEqual([]);
  });

  it('scales and suspends an ACTIVE instance (If-Match from a fresh read); refuses moves its state forbids', async () => {
    const { tenantId } = await fx.tenantWithMember('ADMIN');
    const instance = await fx.instance(tenantId, { runningCount: 1 });

    const resume = await fx.bbws(admin, 'instances', 'resume', tenantId, instance.instanceId);
    expect(resume.code).toBe(EXIT.INVALID);
    expect(resume.stderr).toMatch(/^bbws: 422 /);
    const noReason = await fx.bbws(admin, 'instances', 'suspend', tenantId, instance.instanceId);
    expect(noReason.code).toBe(EXIT.USAGE);
    expect(noReason.stderr).toContain('--reason');

    const scaled = await fx.json(admin, 'instances', 'scale', tenantId, instance.instanceId, '3');
    expect(scaled).toMatchObject({
      type: 'INSTANCE_SCALE',
      resourceId: instance.instanceId,
      status: 'PENDING',
    });
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toMatchObject({
      status: 'SCALING',
      version: instance.version + 1,
    });

    const other = await fx.instance((await fx.tenantWithMember('ADMIN')).tenantId);
    const suspended = await fx.bbws(
      admin,
      '-q',
      'instances',
      'suspend',
      other.tenantId,
      other.instanceId,
      '--reason',
      'Unpaid',
    );
    expect(suspended.code).toBe(EXIT.OK);
    expect(await fx.apiGet(admin, `/v1.0/operations/${suspended.stdout.trim()}`)).toMatchObject({
      resourceId: other.instanceId,
    });
  });

  it("deletes with If-Match (5 when stale, nothing changed) and hides another tenant's instance (4)", async () => {
    const { tenantId } = await fx.tenantWithMember('ADMIN');
    const instance = await fx.instance(tenantId);
    const stale = await fx.bbws(
      admin,
      'instances',
      'delete',
      tenantId,
      instance.instanceId,
      '--if-match',
      '9',
    );
    expect(stale.code).toBe(EXIT.CONFLICT);
    expect(stale.stderr).toMatch(/^bbws: 412 /);
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toEqual(instance);

    const outsider = await fx.tenantWithMember('ADMIN');
    const foreign = await fx.bbws(outsider.token, 'instances', 'get', tenantId, instance.instanceId);
    expect(foreign.code).toBe(EXIT.NOT_FOUND);

    const deleted = await fx.json(admin, 'instances', 'delete', tenantId, instance.instanceId);
    expect(deleted).toMatchObject({ resourceId: instance.instanceId, status: 'PENDING' });
  });

  it('asks the runtime for the status: exit 8 with the API message when the runtime does not answer', async () => {
    const { tenantId, token } = await fx.tenantWithMember('ADMIN');
    const instance = await fx.instance(tenantId);
    const run = await fx.bbws(token, 'instances', 'status', tenantId, instance.instanceId);
    expect(run.code).toBe(EXIT.UNAVAILABLE);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^bbws: 502 COMPUTE_UNAVAILABLE: DescribeServices: /);
  });
});
