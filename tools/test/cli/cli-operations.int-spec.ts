import { CliCoreFixture, unique } from './cli-core.fixture';

jest.setTimeout(120_000);

/** What a terminal shows: escape sequences removed. */
// eslint-disable-next-line no-control-regex
const visible = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

describe('bbws operations and --wait against the running platform', () => {
  let fx: CliCoreFixture;
  let tenantId: string;
  beforeAll(async () => {
    fx = await CliCoreFixture.start();
    tenantId = (
      await fx.bbws(
        fx.adminToken,
        'tenants',
        'create',
        '--name',
        unique('CLI Ops'),
        '--email',
        'ops@ops.example',
        '-q',
      )
    ).stdout.trim();
    await fx.bbws(fx.adminToken, 'tenants', 'status', tenantId, 'ACTIVE', '--reason', 'operations spec');
  });
  afterAll(() => fx.close());

  it('--wait on a terminal: the bar and the steps on stderr, the final operation alone on stdout', async () => {
    const run = await fx.run(
      [
        '--api',
        fx.platform.url,
        '--token',
        fx.adminToken,
        'tenants',
        'park',
        tenantId,
        '--reason',
        'Parked by the CLI spec',
        '--wait',
        '--interval',
        '100',
      ],
      { tty: true },
    );
    expect(run.code).toBe(0);
    const shown = visible(run.stderr);
    expect(shown).toContain('█');
    expect(shown).toMatch(/ ✓ \S+\n/);
    expect(shown.trimEnd()).toMatch(/✓ TENANT_PARK op-[0-9a-f-]+ COMPLETED$/);
    expect(run.stdout).toMatch(/^operationId\s+op-/);
    expect(run.stdout).toMatch(/status\s+COMPLETED/);
    expect(run.stdout).not.toContain('\u001b');
    expect((await fx.json(fx.adminToken, 'tenants', 'get', tenantId)).status).toBe('PARKED');
  });

  it('-q --wait prints the id of the resource the operation ran on; --json --wait the final operation', async () => {
    const quiet = await fx.bbws(
      fx.adminToken,
      'tenants',
      'unpark',
      tenantId,
      '--wait',
      '--interval',
      '100',
      '-q',
    );
    expect(quiet).toMatchObject({ code: 0, stdout: `${tenantId}\n`, stderr: '' });

    const json = await fx.bbws(
      fx.adminToken,
      '--json',
      'tenants',
      'suspend',
      tenantId,
      '--reason',
      'Suspended by the CLI spec',
      '--wait',
      '--interval',
      '100',
    );
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const operation = JSON.parse(json.stdout);
    expect(operation).toMatchObject({ type: 'TENANT_SUSPEND', status: 'COMPLETED', resourceId: tenantId });
    expect(operation).toEqual(await fx.apiGet(fx.adminToken, `/v1.0/operations/${operation.operationId}`));
  });

  it('lists, filters and shows operations as the API has them', async () => {
    const listed = await fx.json(fx.adminToken, 'operations', 'list', tenantId);
    expect(listed).toEqual((await fx.apiGet(fx.adminToken, `/v1.0/tenants/${tenantId}/operations`)).items);
    expect(listed.map((operation: { type: string }) => operation.type)).toEqual([
      'TENANT_SUSPEND',
      'TENANT_UNPARK',
      'TENANT_PARK',
    ]);
    const parks = await fx.bbws(fx.adminToken, 'operations', 'list', tenantId, '--type', 'TENANT_PARK', '-q');
    expect(parks.stdout.trim().split('\n')).toEqual([listed[2].operationId]);
    const pending = await fx.pendingOperation(tenantId);
    const onlyPending = await fx.bbws(
      fx.adminToken,
      'operations',
      'list',
      tenantId,
      '--status',
      'pending',
      '-q',
    );
    expect(onlyPending.stdout).toBe(`${pending.operationId}\n`);

    const shown = await fx.bbws(fx.adminToken, 'operations', 'get', listed[0].operationId);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/type\s+TENANT_SUSPEND/);
    expect(shown.stdout).toMatch(/│ step\s+│ status\s+│/);

    const cancelled = await fx.json(fx.adminToken, 'operations', 'cancel', pending.operationId);
    expect(cancelled).toMatchObject({ operationId: pending.operationId, status: 'CANCELLED' });
    expect((await fx.bbws(fx.adminToken, 'operations', 'cancel', pending.operationId)).code).toBe(6);
  });

  it('--timeout gives up with exit 9 while the operation is still PENDING', async () => {
    const pending = await fx.pendingOperation(tenantId);
    const run = await fx.bbws(
      fx.adminToken,
      'operations',
      'watch',
      pending.operationId,
      '--timeout',
      '1',
      '--interval',
      '200',
    );
    expect(run.code).toBe(9);
    expect(run.stderr).toContain(`operation ${pending.operationId} still PENDING`);
    await fx.bbws(fx.adminToken, 'operations', 'cancel', pending.operationId);
  });
});
