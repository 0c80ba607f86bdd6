import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { OrgFixture, uniqueEmail, type TeamPathIds } from './org-fixture';
import { DAY_MS, invite } from './org-invitations';

describe('invitations, invitee side: /v1.0/invitations/:token', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  let team: TeamPathIds;

  beforeAll(async () => {
    fx = await OrgFixture.start({ env: { INVITATION_RATE_LIMIT_PER_MINUTE: '10000' } });
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
    team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
  });
  afterEach(() => fx.clock.set(new Date()));
  afterAll(() => fx.close());

  const send = (body: Record<string, unknown>) => invite(fx, tenant.tenantId, tenantAdmin.token, body);
  const link = (token: string, action?: 'accept' | 'decline') =>
    `/v1.0/invitations/${token}${action ? `/${action}` : ''}`;

  describe('GET (no sign-in)', () => {
    it('shows what the invitation is for, with the email masked', async () => {
      const email = uniqueEmail('dora');
      const { invitation, token } = await send({ email, role: 'admin' });
      const response = await fx.call('GET', link(token), undefined);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        organizationName: tenant.organizationName,
        role: 'ADMIN',
        email: `d${'*'.repeat(6)}@example.com`,
        status: 'PENDING',
        expiresAt: invitation.expiresAt,
        isValid: true,
      });
      expect(response.headers['x-ratelimit-limit']).toBe('10000');
    });

    it('answers 404 for an unknown token, 400 for a malformed one, 410 INVITATION_EXPIRED once expired', async () => {
      const unknown = await fx.call('GET', link('A'.repeat(43)), undefined);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('INVITATION_NOT_FOUND');
      const malformed = await fx.call('GET', link('short'), undefined);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.fields[0].field).toBe('token');
      const { token } = await send({ email: uniqueEmail(), role: 'VIEWER', expiresInDays: 1 });
      fx.clock.advance(DAY_MS + 1000);
      const expired = await fx.call('GET', link(token), undefined);
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('INVITATION_EXPIRED');
    });
  });

  describe('POST accept', () => {
    it('makes the signed-in invitee a member with the role and teams, in one step', async () => {
      const invitee = await fx.directoryUser({ name: 'Erin Invitee' });
      const { invitation, token } = await send({
        email: invitee.email,
        role: 'OPERATOR',
        teamIds: [team.teamId],
      });
      const teamBefore = (await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount;

      const accepted = await fx.call('POST', link(token, 'accept'), invitee.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        userId: invitee.userId,
        tenantId: tenant.tenantId,
        email: invitee.email,
        name: 'Erin Invitee',
        role: 'OPERATOR',
        teamIds: [team.teamId],
        addedBy: tenantAdmin.userId,
      });
      expect(accepted.body._links.self.href).toBe(
        `/v1.0/tenants/${tenant.tenantId}/members/${invitee.userId}`,
      );

      expect((await fx.call('GET', `/v1.0/tenants/${tenant.tenantId}`, invitee.token)).status).toBe(200);
      expect((await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount).toBe(teamBefore + 1);
      const stored = await fx.expect(
        200,
        'GET',
        `/v1.0/tenants/${tenant.tenantId}/invitations/${invitation.invitationId}`,
        tenantAdmin.token,
      );
      expect(stored).toMatchObject({ status: 'ACCEPTED', respondedAt: expect.any(String) });
      expect(await fx.expect(200, 'GET', link(token), undefined)).toMatchObject({
        status: 'ACCEPTED',
        isValid: false,
      });

      const again = await fx.call('POST', link(token, 'accept'), invitee.token);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({
        code: 'INVITATION_NOT_PENDING',
        details: { status: 'ACCEPTED' },
      });
      expect((await fx.call('POST', link(token, 'decline'), invitee.token)).status).toBe(409);

      const note = await fx.mailbox.latestTo(tenantAdmin.email);
      expect(note.subject).toBe(`${invitee.email} accepted your invitation to ${tenant.organizationName}`);
      const actions = (await fx.audit(tenant.tenantId))
        .filter((e) => e.details?.invitationId === invitation.invitationId)
        .map((e) => e.action);
      expect(actions.sort()).toEqual(['INVITATION_ACCEPTED', 'INVITATION_CREATED', 'MEMBER_ADDED']);
    });

    it('is only for the invitee: 401 without a token, 403 for someone else, email compared case-insensitively', async () => {
      const email = uniqueEmail('frank');
      const { token } = await send({ email, role: 'VIEWER' });
      expect((await fx.call('POST', link(token, 'accept'), undefined)).status).toBe(401);
      const someoneElse = await fx.directoryUser();
      const denied = await fx.call('POST', link(token, 'accept'), someoneElse.token);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
      expect((await fx.call('POST', link(token, 'decline'), someoneElse.token)).status).toBe(403);
      const frank = await newTestUser({ email: email.toUpperCase(), name: 'Frank' });
      const accepted = await fx.call('POST', link(token, 'accept'), frank.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ userId: frank.userId, email, name: 'Frank', role: 'VIEWER' });
    });

    it('needs a verified email: an unverified invitee gets 403 EMAIL_NOT_VERIFIED and nothing changes', async () => {
      const invitee = await fx.directoryUser();
      const { invitation, token } = await send({ email: invitee.email, role: 'OPERATOR' });
      const unverified = await fx.directoryUser({ email: invitee.email, emailVerified: false });
      const mailsBefore = (await fx.mailbox.to(tenantAdmin.email)).length;
      for (const action of ['accept', 'decline'] as const) {
        const refused = await fx.call('POST', link(token, action), unverified.token);
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('EMAIL_NOT_VERIFIED');
      }
      const stored = await fx.expect(
        200,
        'GET',
        `/v1.0/tenants/${tenant.tenantId}/invitations/${invitation.invitationId}`,
        tenantAdmin.token,
      );
      expect(stored).toMatchObject({ status: 'PENDING', respondedAt: null });
      expect((await fx.call('GET', `/v1.0/tenants/${tenant.tenantId}`, unverified.token)).status).toBe(404);
      expect(await fx.mailbox.to(tenantAdmin.email)).toHaveLength(mailsBefore);

      const accepted = await fx.call('POST', link(token, 'accept'), invitee.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ userId: invitee.userId, role: 'OPERATOR' });
    });

    it('answers 410 once expired, and an invitation for the same email can be sent again', async () => {
      const invitee = await fx.directoryUser();
      const { token } = await send({ email: invitee.email, role: 'VIEWER', expiresInDays: 1 });
      fx.clock.advance(DAY_MS + 1000);
      const late = await fx.call('POST', link(token, 'accept'), invitee.token);
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('INVITATION_EXPIRED');
      expect((await fx.call('POST', link(token, 'decline'), invitee.token)).status).toBe(410);
      const again = await send({ email: invitee.email, role: 'VIEWER' });
      expect((await fx.call('POST', link(again.token, 'accept'), invitee.token)).status).toBe(200);
    });

    it('lets exactly one of two parallel accepts through', async () => {
      const invitee = await fx.directoryUser();
      const { token } = await send({ email: invitee.email, role: 'ADMIN' });
      const results = await Promise.all(
        [1, 2, 3].map(() => fx.call('POST', link(token, 'accept'), invitee.token)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const admins = await fx.expect(
        200,
        'GET',
        `/v1.0/tenants/${tenant.tenantId}/members?role=ADMIN&pageSize=100`,
        fx.admin.token,
      );
      expect(admins.items.filter((m: any) => m.userId === invitee.userId)).toHaveLength(1);
      // adminCount moved once: the new ADMIN and the original one can each be demoted, but not both.
      expect(
        (
          await fx.call(
            'PATCH',
            `/v1.0/tenants/${tenant.tenantId}/members/${invitee.userId}`,
            fx.admin.token,
            { role: 'VIEWER' },
          )
        ).status,
      ).toBe(200);
    });

    it('answers 409 ALREADY_MEMBER when the invitee became a member another way', async () => {
      const invitee = await fx.directoryUser();
      const { token } = await send({ email: invitee.email, role: 'VIEWER' });
      await fx.addMember(tenant.tenantId, invitee, 'OPERATOR', [], tenantAdmin.token);
      const response = await fx.call('POST', link(token, 'accept'), invitee.token);
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('ALREADY_MEMBER');
    });

    it('leaves out teams deleted since the invitation was sent', async () => {
      const doomed = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const invitee = await fx.directoryUser();
      const { token } = await send({
        email: invitee.email,
        role: 'VIEWER',
        teamIds: [doomed.teamId, team.teamId],
      });
      await fx.expect(204, 'DELETE', doomed.href, tenantAdmin.token);
      expect((await fx.expect(200, 'POST', link(token, 'accept'), invitee.token)).teamIds).toEqual([
        team.teamId,
      ]);
    });
  });

  describe('POST decline', () => {
    it('declines (200 DECLINED), tells the inviter, and frees the email for a new invitation', async () => {
      const invitee = await fx.directoryUser();
      const { invitation, token } = await send({ email: invitee.email, role: 'VIEWER' });
      const declined = await fx.call('POST', link(token, 'decline'), invitee.token);
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({
        status: 'DECLINED',
        isValid: false,
        organizationName: tenant.organizationName,
      });
      expect((await fx.call('POST', link(token, 'accept'), invitee.token)).body.error.code).toBe(
        'INVITATION_NOT_PENDING',
      );
      const stored = await fx.expect(
        200,
        'GET',
        `/v1.0/tenants/${tenant.tenantId}/invitations/${invitation.invitationId}`,
        tenantAdmin.token,
      );
      expect(stored.status).toBe('DECLINED');
      expect((await fx.mailbox.latestTo(tenantAdmin.email)).subject).toBe(
        `${invitee.email} declined your invitation to ${tenant.organizationName}`,
      );
      expect((await fx.call('GET', `/v1.0/tenants/${tenant.tenantId}`, invitee.token)).status).toBe(404);
      await send({ email: invitee.email, role: 'VIEWER' });
    });
  });

  describe('rate limit (10 per minute per client IP)', () => {
    let limited: OrgFixture;
    beforeAll(async () => {
      limited = await OrgFixture.start();
    });
    afterAll(() => limited.close());

    it('answers 429 RATE_LIMITED with Retry-After past 10 requests a minute from one IP, per IP, until the minute is over', async () => {
      const probe = link('B'.repeat(43));
      for (let i = 0; i < 10; i += 1) {
        const response = await limited.callFrom('198.51.100.7', 'GET', probe);
        expect(response.status).toBe(404);
        expect(response.headers['x-ratelimit-remaining']).toBe(String(9 - i));
      }
      const refused = await limited.callFrom('198.51.100.7', 'GET', probe);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const user = await limited.directoryUser();
      expect((await limited.callFrom('198.51.100.7', 'POST', `${probe}/accept`, user.token)).status).toBe(
        429,
      );
      expect((await limited.callFrom('203.0.113.9', 'GET', probe)).status).toBe(404);
      limited.clock.advance(61_000);
      expect((await limited.callFrom('198.51.100.7', 'GET', probe)).status).toBe(404);
    });
  });
});
