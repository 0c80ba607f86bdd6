import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { CliCoreFixture, unique } from './cli-core.fixture';

jest.setTimeout(120_000);

describe('bbws: the walk from login to webhooks against the running platform', () => {
  let fx: CliCoreFixture;
  beforeAll(async () => {
    fx = await CliCoreFixture.start();
  });
  afterAll(() => fx.close());

  /** `bbws --api <front door> …` with the token `bbws login` stored (none passed). */
  const bbws = (...argv: string[]) => fx.run(['--api', fx.platform.url, ...argv]);

  it('logs in, creates a tenant, adds a member, invites, watches an operation and manages webhooks', async () => {
    const login = await fx.run(['--api', fx.platform.url, 'login', '--token', fx.adminToken]);
    expect(login).toMatchObject({ code: 0 });
    expect(login.stdout).toMatch(/platformAdmin\s+yes/);
    const stored = JSON.parse(await readFile(path.join(fx.configDir, 'config.json'), 'utf8'));
    expect(stored).toEqual({ api: fx.platform.url, token: fx.adminToken });
    // The stored API and token serve the next commands: no --api, no --token.
    const whoami = await fx.run(['whoami', '--json']);
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ isPlatformAdmin: true });

    const name = unique('CLI Walk');
    const created = await bbws('tenants', 'create', '--name', name, '--email', 'ops@walk.example', '-q');
    expect(created.code).toBe(0);
    const tenantId = created.stdout.trim();
    expect(created.stdout).toMatch(/^tenant-[0-9a-f-]{36}\n$/);
    expect(await fx.json(fx.adminToken, 'tenants', 'get', tenantId)).toEqual(
      await fx.apiGet(fx.adminToken, `/v1.0/tenants/${tenantId}`),
    );
    expect((await bbws('tenants', 'status', tenantId, 'active', '--reason', 'CLI walk')).code).toBe(0);

    const alice = await fx.directoryUser(`alice-${Date.now()}@walk.example`, 'Alice Walker');
    const added = await bbws('members', 'add', tenantId, '--email', alice.email, '--role', 'admin', '-q');
    expect(added).toMatchObject({ code: 0, stdout: `${alice.userId}\n` });

    const bobEmail = `bob-${Date.now()}@walk.example`;
    const invited = await fx.run([
      '--api',
      fx.platform.url,
      '--token',
      alice.token,
      'invitations',
      'create',
      tenantId,
      '--email',
      bobEmail,
      '--role',
      'viewer',
      '-q',
    ]);
    expect(invited.code).toBe(0);
    const invitationId = invited.stdout.trim();
    const pending = await fx.json(alice.token, 'invitations', 'list', tenantId, '--status', 'pending');
    expect(pending).toEqual(
      (await fx.apiGet(alice.token, `/v1.0/tenants/${tenantId}/invitations?status=PENDING`)).items,
    );
    expect(pending.map((invitation: { invitationId: string }) => invitation.invitationId)).toEqual([
      invitationId,
    ]);

    const token = await fx.invitationToken(bobEmail);
    const shown = await fx.run(['--api', fx.platform.url, 'invitations', 'show', token], {
      env: { BBWS_CONFIG_DIR: path.join(fx.configDir, 'nobody') },
    });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`organizationName\\s+${name}`));
    expect(shown.stdout).toMatch(/role\s+VIEWER/);
    const bob = await fx.directoryUser(bobEmail, 'Bob Walker');
    const accepted = await fx.bbws(bob.token, 'invitations', 'accept', token, '-q');
    expect(accepted).toMatchObject({ code: 0, stdout: `${bob.userId}\n` });
    const members = await fx.json(alice.token, 'members', 'list', tenantId);
    expect(members).toEqual((await fx.apiGet(alice.token, `/v1.0/tenants/${tenantId}/members`)).items);
    expect(
      members.map((member: { userId: string; role: string }) => [member.userId, member.role]).sort(),
    ).toEqual(
      [
        [alice.userId, 'ADMIN'],
        [bob.userId, 'VIEWER'],
      ].sort(),
    );

    const suspended = await bbws(
      'tenants',
      'suspend',
      tenantId,
      '--reason',
      'The CLI walk suspends it',
      '-q',
    );
    expect(suspended.code).toBe(0);
    const operationId = suspended.stdout.trim();
    expect(operationId).toMatch(/^op-/);
    const watched = await bbws('operations', 'watch', operationId, '--interval', '100');
    expect(watched.code).toBe(0);
    expect(watched.stdout).toMatch(/status\s+COMPLETED/);
    expect(watched.stdout).toMatch(/type\s+TENANT_SUSPEND/);
    // Without a terminal: one line per change on stderr, the last one the end.
    expect(watched.stderr.trim().split('\n').pop()).toMatch(/^COMPLETED 100%/);
    expect((await fx.json(fx.adminToken, 'tenants', 'get', tenantId)).status).toBe('SUSPENDED');

    const webhookIds: string[] = [];
    for (const event of ['operation.completed', 'site.created', 'tenant.status_changed']) {
      const webhook = await fx.bbws(
        alice.token,
        'webhooks',
        'create',
        tenantId,
        '--url',
        'http://127.0.0.1:9/hook',
        '--event',
        event,
        '--event',
        'operation.failed',
        '--secret',
        'a-secret-of-sixteen-chars',
        '-q',
      );
      expect(webhook.code).toBe(0);
      webhookIds.push(webhook.stdout.trim());
    }
    const listed = await fx.json(alice.token, 'webhooks', 'list', tenantId);
    expect(listed).toEqual((await fx.apiGet(alice.token, `/v1.0/tenants/${tenantId}/webhooks`)).items);
    expect(listed.map((webhook: { webhookId: string }) => webhook.webhookId).sort()).toEqual(
      [...webhookIds].sort(),
    );
    // --limit and --all page through the list one item per request.
    const two = await fx.bbws(
      alice.token,
      'webhooks',
      'list',
      tenantId,
      '--limit',
      '2',
      '--page-size',
      '1',
      '-q',
    );
    expect(two.stdout.trim().split('\n')).toHaveLength(2);
    const all = await fx.bbws(alice.token, 'webhooks', 'list', tenantId, '--all', '--page-size', '1', '-q');
    expect(all.stdout.trim().split('\n').sort()).toEqual([...webhookIds].sort());

    const deleted = await fx.bbws(alice.token, 'webhooks', 'delete', tenantId, webhookIds[0] as string);
    expect(deleted.code).toBe(0);
    const left = await fx.bbws(alice.token, 'webhooks', 'list', tenantId, '-q');
    expect(left.stdout.trim().split('\n').sort()).toEqual(webhookIds.slice(1).sort());

    expect((await fx.run(['logout'])).code).toBe(0);
    expect(JSON.parse(await readFile(path.join(fx.configDir, 'config.json'), 'utf8'))).toEqual({
      api: fx.platform.url,
    });
  });
});
