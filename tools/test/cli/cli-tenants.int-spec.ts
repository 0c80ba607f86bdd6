import { CliCoreFixture, unique } from './cli-core.fixture';

jest.setTimeout(120_000);

describe('bbws tenants, members, invitations and webhooks commands against the running platform', () => {
  let fx: CliCoreFixture;
  beforeAll(async () => {
    fx = await CliCoreFixture.start();
  });
  afterAll(() => fx.close());

  const admin = (...argv: string[]) => fx.bbws(fx.adminToken, ...argv);
  const post = async (token: string, route: string, body: unknown) => {
    const response = await fetch(`${fx.platform.url}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };

  it('creates once per --idempotency-key, updates, audits, shows the hierarchy and deletes a tenant', async () => {
    const name = unique('CLI Tenants');
    const key = `cli-tenants-${Date.now()}`;
    const create = () =>
      admin(
        'tenants',
        'create',
        '--name',
        name,
        '--email',
        'ops@tenants.example',
        '--tier',
        'PROFESSIONAL',
        '--idempotency-key',
        key,
        '-q',
      );
    const [first, replay] = [await create(), await create()];
    expect(first.code).toBe(0);
    expect(replay).toEqual(first);
    const tenantId = first.stdout.trim();
    expect(await fx.json(fx.adminToken, 'tenants', 'list', '--name', name)).toEqual([
      expect.objectContaining({ tenantId, tier: 'PROFESSIONAL', status: 'PENDING' }),
    ]);

    const updated = await fx.json(
      fx.adminToken,
      'tenants',
      'update',
      tenantId,
      '--email',
      'billing@tenants.example',
    );
    expect(updated).toMatchObject({ contactEmail: 'billing@tenants.example', version: 2 });
    expect((await admin('tenants', 'update', tenantId)).code).toBe(2);

    const audit = await fx.json(fx.adminToken, 'tenants', 'audit', tenantId);
    expect(audit).toEqual((await fx.apiGet(fx.adminToken, `/v1.0/tenants/${tenantId}/audit`)).items);
    expect(audit.map((event: { action: string }) => event.action)).toEqual([
      'TENANT_UPDATED',
      'TENANT_CREATED',
    ]);
    expect((await admin('tenants', 'audit', tenantId)).stdout).toMatch(
      /TENANT_CREATED\s+│ \S+\s+│\s+→ PENDING/,
    );

    const division = await post(fx.adminToken, `/v1.0/tenants/${tenantId}/divisions`, {
      name: 'Engineering',
    });
    const groups = `/v1.0/tenants/${tenantId}/divisions/${division.divisionId}/groups`;
    const group = await post(fx.adminToken, groups, { name: 'Platform' });
    const team = await post(fx.adminToken, `${groups}/${group.groupId}/teams`, { name: 'Web' });
    const tree = await admin('tenants', 'hierarchy', tenantId);
    expect(tree.stdout).toBe(
      `Engineering  (${division.divisionId})\n  Platform  (${group.groupId})\n    Web  (${team.teamId}, 0 members)\n`,
    );
    expect(await fx.json(fx.adminToken, 'tenants', 'hierarchy', tenantId)).toEqual(
      await fx.apiGet(fx.adminToken, `/v1.0/tenants/${tenantId}/hierarchy`),
    );

    // Without instances the tenant is deprovisioned at once (200), --wait has nothing to follow.
    const deleted = await fx.json(fx.adminToken, 'tenants', 'delete', tenantId, '--wait');
    expect(deleted).toMatchObject({ tenantId, status: 'DEPROVISIONED' });
  });

  it('changes and removes members with the version just read; the last ADMIN stays (6)', async () => {
    const tenantId = (
      await admin('tenants', 'create', '--name', unique('CLI Members'), '--email', 'o@m.example', '-q')
    ).stdout.trim();
    const carol = await fx.directoryUser(`carol-${Date.now()}@members.example`, 'Carol');
    const dave = await fx.directoryUser(`dave-${Date.now()}@members.example`, 'Dave');
    expect((await admin('members', 'add', tenantId, '--email', carol.email, '--role', 'ADMIN')).code).toBe(0);
    expect((await admin('members', 'add', tenantId, '--email', dave.email, '--role', 'OPERATOR')).code).toBe(
      0,
    );

    const promoted = await fx.json(
      carol.token,
      'members',
      'update',
      tenantId,
      dave.userId,
      '--role',
      'viewer',
    );
    expect(promoted).toMatchObject({ userId: dave.userId, role: 'VIEWER', version: 2 });
    expect(await fx.json(carol.token, 'members', 'get', tenantId, dave.userId)).toEqual(
      await fx.apiGet(carol.token, `/v1.0/tenants/${tenantId}/members/${dave.userId}`),
    );
    const lastAdmin = await fx.bbws(
      carol.token,
      'members',
      'update',
      tenantId,
      carol.userId,
      '--role',
      'VIEWER',
    );
    expect(lastAdmin.code).toBe(6);
    expect(lastAdmin.stderr).toContain('LAST_ADMIN');

    expect(await fx.bbws(carol.token, 'members', 'remove', tenantId, dave.userId, '-q')).toMatchObject({
      code: 0,
      stdout: `${dave.userId}\n`,
    });
    expect(await fx.json(carol.token, 'members', 'list', tenantId, '--role', 'ADMIN')).toEqual([
      expect.objectContaining({ userId: carol.userId }),
    ]);
    expect((await fx.bbws(carol.token, 'members', 'get', tenantId, dave.userId)).code).toBe(4);
  });

  it('resends, revokes and declines invitations', async () => {
    const tenantId = (
      await admin('tenants', 'create', '--name', unique('CLI Invites'), '--email', 'o@i.example', '-q')
    ).stdout.trim();
    const erin = `erin-${Date.now()}@invites.example`;
    const frank = `frank-${Date.now()}@invites.example`;
    const first = (
      await admin('invitations', 'create', tenantId, '--email', erin, '--role', 'OPERATOR', '-q')
    ).stdout.trim();
    const oldToken = await fx.invitationToken(erin);
    const resent = await fx.json(fx.adminToken, 'invitations', 'resend', tenantId, first);
    expect(resent).toMatchObject({ invitationId: first, resendCount: 1, status: 'PENDING' });
    const newToken = await fx.invitationToken(erin, oldToken);
    expect(newToken).not.toBe(oldToken);
    expect((await fx.run(['--api', fx.platform.url, 'invitations', 'show', oldToken])).code).toBe(4);

    const revoked = await fx.json(fx.adminToken, 'invitations', 'revoke', tenantId, first);
    expect(revoked).toMatchObject({ invitationId: first, status: 'CANCELLED' });
    expect((await admin('invitations', 'revoke', tenantId, first)).code).toBe(6);

    expect((await admin('invitations', 'create', tenantId, '--email', frank, '--role', 'VIEWER')).code).toBe(
      0,
    );
    const frankUser = await fx.directoryUser(frank, 'Frank');
    const declined = await fx.bbws(
      frankUser.token,
      'invitations',
      'decline',
      await fx.invitationToken(frank),
    );
    expect(declined.code).toBe(0);
    const statuses = await fx.json(fx.adminToken, 'invitations', 'list', tenantId);
    expect(
      statuses
        .map((invitation: { email: string; status: string }) => [invitation.email, invitation.status])
        .sort(),
    ).toEqual(
      [
        [erin, 'CANCELLED'],
        [frank, 'DECLINED'],
      ].sort(),
    );
  });

  it('gets, updates (--active false, new events) and lists the deliveries of a webhook', async () => {
    const tenantId = (
      await admin('tenants', 'create', '--name', unique('CLI Hooks'), '--email', 'o@h.example', '-q')
    ).stdout.trim();
    const webhookId = (
      await admin(
        'webhooks',
        'create',
        tenantId,
        '--url',
        'http://127.0.0.1:9/hook',
        '--event',
        'site.created',
        '--secret',
        'sixteen-characters-at-least',
        '--description',
        'spec hook',
        '-q',
      )
    ).stdout.trim();
    const shown = await fx.json(fx.adminToken, 'webhooks', 'get', tenantId, webhookId);
    expect(shown).toEqual(await fx.apiGet(fx.adminToken, `/v1.0/tenants/${tenantId}/webhooks/${webhookId}`));
    expect(JSON.stringify(shown)).not.toContain('sixteen-characters');

    const updated = await fx.json(
      fx.adminToken,
      'webhooks',
      'update',
      tenantId,
      webhookId,
      '--active',
      'false',
      '--event',
      'operation.failed',
      '--event',
      'site.deleted',
    );
    expect(updated).toMatchObject({
      status: 'DISABLED',
      events: ['operation.failed', 'site.deleted'],
      version: 2,
    });
    expect((await admin('webhooks', 'update', tenantId, webhookId, '--active', 'maybe')).code).toBe(2);
    const stale = await admin(
      'webhooks',
      'update',
      tenantId,
      webhookId,
      '--active',
      'true',
      '--if-match',
      '1',
    );
    expect(stale.code).toBe(5);

    const deliveries = await admin('webhooks', 'deliveries', tenantId, webhookId);
    expect(deliveries).toMatchObject({ code: 0, stdout: '', stderr: '(none)\n' });
    expect(await fx.json(fx.adminToken, 'webhooks', 'deliveries', tenantId, webhookId)).toEqual([]);
  });
});
