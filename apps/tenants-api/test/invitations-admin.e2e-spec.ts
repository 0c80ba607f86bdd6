import type { TestUser } from '@bbws/testing-e2e';
import { OrgFixture, uniqueEmail, type TeamPathIds } from './org-fixture';
import { DAY_MS, expectWithin, invite } from './org-invitations';

describe('invitations, admin side: /v1.0/tenants/:tenantId/invitations', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  let operator: TestUser;
  let outsider: TestUser;
  let team: TeamPathIds;

  beforeAll(async () => {
    fx = await OrgFixture.start({
      env: { INVITATION_RATE_LIMIT_PER_MINUTE: '10000', PORTAL_URL: 'https://portal.example.test/app' },
    });
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
    operator = await fx.directoryUser();
    await fx.addMember(tenant.tenantId, operator, 'OPERATOR');
    team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
    outsider = (await fx.tenantWithAdmin()).tenantAdmin;
  });
  afterEach(() => fx.clock.set(new Date()));
  afterAll(() => fx.close());

  const invitations = () => `/v1.0/tenants/${tenant.tenantId}/invitations`;

  describe('POST', () => {
    it('creates a PENDING invitation valid 7 days, never returning the token, and emails the link', async () => {
      const email = uniqueEmail('carol');
      const now = fx.clock.now();
      const response = await fx.call('POST', invitations(), tenantAdmin.token, {
        email: email.toUpperCase(),
        role: 'operator',
        teamIds: [team.teamId],
        message: 'Welcome <b>aboard</b> & enjoy',
      });
      expect(response.status).toBe(201);
      const body = response.body;
      expect(body).toMatchObject({
        tenantId: tenant.tenantId,
        email,
        role: 'OPERATOR',
        teamIds: [team.teamId],
        status: 'PENDING',
        invitedBy: tenantAdmin.userId,
        resendCount: 0,
        respondedAt: null,
        version: 1,
      });
      expect(body.invitationId).toMatch(/^inv-[0-9a-f-]{36}$/);
      expectWithin(body.expiresAt, now, fx.clock.now(), 7 * DAY_MS);
      expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['token']));
      expect(JSON.stringify(body)).not.toMatch(/token|hash/i);
      const self = `${invitations()}/${body.invitationId}`;
      expect(response.headers.location).toBe(self);
      expect(body._links).toMatchObject({
        self: { href: self },
        cancel: { href: self, method: 'DELETE' },
        resend: { href: `${self}/resend`, method: 'POST' },
      });

      const mail = await fx.mailbox.latestTo(email);
      const token = await fx.mailbox.invitationToken(email);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mail.text).toContain(`https://portal.example.test/app/invite/${token}`);
      expect(mail.subject).toContain(tenant.organizationName);
      expect(mail.headers['reply-to']).toBe(tenantAdmin.email);
      expect(mail.html).toContain('Welcome &lt;b&gt;aboard&lt;/b&gt; &amp; enjoy');
      expect(mail.html).not.toContain('<b>aboard</b>');
      expect(JSON.stringify(response.headers)).not.toContain(token);
    });

    it('honours expiresInDays from 1 to 30 and rejects anything else', async () => {
      const now = fx.clock.now();
      const long = await fx.expect(201, 'POST', invitations(), tenantAdmin.token, {
        email: uniqueEmail(),
        role: 'VIEWER',
        expiresInDays: 30,
      });
      expectWithin(long.expiresAt, now, fx.clock.now(), 30 * DAY_MS);
      for (const expiresInDays of [0, 31, 1.5, 'soon']) {
        const response = await fx.call('POST', invitations(), tenantAdmin.token, {
          email: uniqueEmail(),
          role: 'VIEWER',
          expiresInDays,
        });
        expect(response.status).toBe(400);
        expect(response.body.error.details.fields[0].field).toBe('expiresInDays');
      }
    });

    it.each([
      ['an invalid email', { email: 'nope', role: 'VIEWER' }, 'email'],
      ['an unknown role', { email: 'a@example.com', role: 'OWNER' }, 'role'],
      [
        'a message over 1000 characters',
        { email: 'a@example.com', role: 'VIEWER', message: 'm'.repeat(1001) },
        'message',
      ],
      ['a malformed team id', { email: 'a@example.com', role: 'VIEWER', teamIds: ['x'] }, 'teamIds'],
      ['an unknown field', { email: 'a@example.com', role: 'VIEWER', token: 'mine' }, 'token'],
    ])('rejects %s with 400', async (_case, body, field) => {
      const response = await fx.call('POST', invitations(), tenantAdmin.token, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it('answers 409 DUPLICATE_INVITATION while one is pending for the email (any case), 409 ALREADY_MEMBER, 422 UNKNOWN_TEAM', async () => {
      const email = uniqueEmail();
      await fx.expect(201, 'POST', invitations(), tenantAdmin.token, { email, role: 'VIEWER' });
      const duplicate = await fx.call('POST', invitations(), tenantAdmin.token, {
        email: email.toUpperCase(),
        role: 'ADMIN',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error.code).toBe('DUPLICATE_INVITATION');
      const member = await fx.call('POST', invitations(), tenantAdmin.token, {
        email: operator.email,
        role: 'VIEWER',
      });
      expect(member.status).toBe(409);
      expect(member.body.error.code).toBe('ALREADY_MEMBER');
      const ghost = await fx.call('POST', invitations(), tenantAdmin.token, {
        email: uniqueEmail(),
        role: 'VIEWER',
        teamIds: ['team-00000000-0000-4000-8000-000000000000'],
      });
      expect(ghost.status).toBe(422);
      expect(ghost.body.error.code).toBe('UNKNOWN_TEAM');
    });

    it('lets a new invitation replace one that expired', async () => {
      const email = uniqueEmail();
      await fx.expect(201, 'POST', invitations(), tenantAdmin.token, {
        email,
        role: 'VIEWER',
        expiresInDays: 1,
      });
      fx.clock.advance(DAY_MS + 1000);
      expect(
        (await fx.call('POST', invitations(), tenantAdmin.token, { email, role: 'VIEWER' })).status,
      ).toBe(201);
    });

    it('is for ADMINs: an OPERATOR gets 403, a member of another tenant 404, nobody 401', async () => {
      const body = { email: uniqueEmail(), role: 'VIEWER' };
      expect((await fx.call('POST', invitations(), operator.token, body)).status).toBe(403);
      expect((await fx.call('GET', invitations(), operator.token)).status).toBe(403);
      const foreign = await fx.call('POST', invitations(), outsider.token, body);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('TENANT_NOT_FOUND');
      expect((await fx.call('GET', invitations(), outsider.token)).status).toBe(404);
      expect((await fx.call('POST', invitations(), undefined, body)).status).toBe(401);
    });
  });

  describe('GET', () => {
    it('lists newest first with a status filter, EXPIRED derived from the clock', async () => {
      const fresh = await fx.tenantWithAdmin();
      const t = fresh.tenant.tenantId;
      const token = fresh.tenantAdmin.token;
      const url = `/v1.0/tenants/${t}/invitations`;
      const short = await fx.expect(201, 'POST', url, token, {
        email: uniqueEmail(),
        role: 'VIEWER',
        expiresInDays: 1,
      });
      fx.clock.advance(60_000);
      const cancelled = await fx.expect(201, 'POST', url, token, { email: uniqueEmail(), role: 'VIEWER' });
      await fx.expect(200, 'DELETE', `${url}/${cancelled.invitationId}`, token);
      fx.clock.advance(60_000);
      const pending = await fx.expect(201, 'POST', url, token, {
        email: uniqueEmail(),
        role: 'VIEWER',
        expiresInDays: 3,
      });

      const all = await fx.expect(200, 'GET', url, token);
      expect(all.items.map((i: any) => i.invitationId)).toEqual([
        pending.invitationId,
        cancelled.invitationId,
        short.invitationId,
      ]);
      fx.clock.advance(DAY_MS);
      const ids = async (status: string) =>
        (await fx.expect(200, 'GET', `${url}?status=${status}`, token)).items.map((i: any) => i.invitationId);
      expect(await ids('pending')).toEqual([pending.invitationId]);
      expect(await ids('EXPIRED')).toEqual([short.invitationId]);
      expect(await ids('CANCELLED')).toEqual([cancelled.invitationId]);
      const expired = await fx.expect(200, 'GET', `${url}/${short.invitationId}`, token);
      expect(expired.status).toBe('EXPIRED');
      expect(expired._links.cancel).toBeUndefined();
      expect(expired._links.resend).toBeUndefined();
      expect((await fx.call('GET', `${url}?status=LOST`, token)).status).toBe(400);
    });

    it('reads one invitation (never the token); 404 unknown, 400 malformed id', async () => {
      const { invitation, token } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
        email: uniqueEmail(),
        role: 'VIEWER',
      });
      const read = await fx.call('GET', `${invitations()}/${invitation.invitationId}`, tenantAdmin.token);
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(JSON.stringify(read.body)).not.toContain(token);
      expect(
        (await fx.call('GET', `${invitations()}/inv-00000000-0000-4000-8000-000000000000`, tenantAdmin.token))
          .body.error.code,
      ).toBe('INVITATION_NOT_FOUND');
      expect((await fx.call('GET', `${invitations()}/not-an-id`, tenantAdmin.token)).status).toBe(400);
    });
  });

  describe('DELETE (cancel)', () => {
    it('cancels a PENDING invitation (200 CANCELLED) once; then 422; the link then answers 409', async () => {
      const email = uniqueEmail();
      const { invitation, token } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
        email,
        role: 'VIEWER',
      });
      const url = `${invitations()}/${invitation.invitationId}`;
      const stale = await fx.api.request({
        method: 'DELETE',
        url,
        token: tenantAdmin.token,
        headers: { 'if-match': '"4"' },
      });
      expect(stale.status).toBe(412);
      const cancelled = await fx.call('DELETE', url, tenantAdmin.token);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'CANCELLED', version: 2 });
      expect(cancelled.body._links.cancel).toBeUndefined();
      const again = await fx.call('DELETE', url, tenantAdmin.token);
      expect(again.status).toBe(422);
      expect(again.body.error).toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
        details: { currentStatus: 'CANCELLED' },
      });
      expect((await fx.call('GET', `/v1.0/invitations/${token}`, undefined)).body.status).toBe('CANCELLED');
      const invitee = await fx.directoryUser({ email });
      expect((await fx.call('POST', `/v1.0/invitations/${token}/accept`, invitee.token)).status).toBe(409);
      expect(
        (await fx.call('POST', invitations(), tenantAdmin.token, { email, role: 'VIEWER' })).status,
      ).toBe(201);
    });
  });

  describe('POST :invitationId/resend', () => {
    it('sends a new token (the old one is dead), resets the expiry, counts, and stops after 3 (422 RESEND_LIMIT)', async () => {
      const email = uniqueEmail();
      const { invitation, token: first } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
        email,
        role: 'VIEWER',
        expiresInDays: 2,
      });
      const url = `${invitations()}/${invitation.invitationId}/resend`;
      fx.clock.advance(DAY_MS);
      const before = fx.clock.now();
      const resent = await fx.call('POST', url, tenantAdmin.token);
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ resendCount: 1, status: 'PENDING', version: 2 });
      expectWithin(resent.body.expiresAt, before, fx.clock.now(), 2 * DAY_MS);
      const second = await fx.mailbox.invitationToken(email);
      expect(second).not.toBe(first);
      expect(await fx.mailbox.to(email)).toHaveLength(2);
      expect((await fx.call('GET', `/v1.0/invitations/${first}`, undefined)).status).toBe(404);
      expect((await fx.call('GET', `/v1.0/invitations/${second}`, undefined)).body.isValid).toBe(true);

      expect((await fx.call('POST', url, tenantAdmin.token)).body.resendCount).toBe(2);
      const third = await fx.call('POST', url, tenantAdmin.token);
      expect(third.body.resendCount).toBe(3);
      expect(third.body._links.resend).toBeUndefined();
      const fourth = await fx.call('POST', url, tenantAdmin.token);
      expect(fourth.status).toBe(422);
      expect(fourth.body.error).toMatchObject({ code: 'RESEND_LIMIT', details: { limit: 3 } });
      expect(
        (await fx.audit(tenant.tenantId)).filter(
          (e) => e.action === 'INVITATION_RESENT' && e.details.invitationId === invitation.invitationId,
        ),
      ).toHaveLength(3);
    });

    it('resends only PENDING invitations (422), and only for ADMINs (403)', async () => {
      const { invitation } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
        email: uniqueEmail(),
        role: 'VIEWER',
        expiresInDays: 1,
      });
      const url = `${invitations()}/${invitation.invitationId}/resend`;
      expect((await fx.call('POST', url, operator.token)).status).toBe(403);
      fx.clock.advance(2 * DAY_MS);
      const expired = await fx.call('POST', url, tenantAdmin.token);
      expect(expired.status).toBe(422);
      expect(expired.body.error.details.currentStatus).toBe('EXPIRED');
    });
  });

  it('audits creation and cancellation with the actor and no token', async () => {
    const email = uniqueEmail();
    const { invitation, token } = await invite(fx, tenant.tenantId, tenantAdmin.token, {
      email,
      role: 'VIEWER',
    });
    await fx.expect(200, 'DELETE', `${invitations()}/${invitation.invitationId}`, tenantAdmin.token);
    const events = (await fx.audit(tenant.tenantId)).filter(
      (event) => event.details?.invitationId === invitation.invitationId,
    );
    expect(events.map((event) => event.action).sort()).toEqual([
      'INVITATION_CANCELLED',
      'INVITATION_CREATED',
    ]);
    expect(events.every((event) => event.actor === tenantAdmin.userId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(token);
  });
});
