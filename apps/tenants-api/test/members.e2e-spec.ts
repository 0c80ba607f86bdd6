import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { OrgFixture, uniqueEmail, type TeamPathIds } from './org-fixture';

describe('members: /v1.0/tenants/:tenantId/members (and the /users aliases)', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  let operator: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let team: TeamPathIds;

  beforeAll(async () => {
    fx = await OrgFixture.start();
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
    operator = await fx.directoryUser();
    viewer = await fx.directoryUser();
    await fx.addMember(tenant.tenantId, operator, 'OPERATOR', [], tenantAdmin.token);
    await fx.addMember(tenant.tenantId, viewer, 'VIEWER', [], tenantAdmin.token);
    team = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
    outsider = (await fx.tenantWithAdmin()).tenantAdmin;
  });
  afterAll(() => fx.close());

  const members = (tenantId = tenant.tenantId) => `/v1.0/tenants/${tenantId}/members`;

  describe('POST', () => {
    it('adds a directory user by email with a role (any case) and teams: 201, Location, ETag, links, team count', async () => {
      const user = await fx.directoryUser({ name: 'Dana Diaz' });
      const response = await fx.call('POST', members(), tenantAdmin.token, {
        email: `  ${user.email.toUpperCase()} `,
        role: 'operator',
        teamIds: [team.teamId],
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        userId: user.userId,
        tenantId: tenant.tenantId,
        email: user.email,
        name: 'Dana Diaz',
        role: 'OPERATOR',
        teamIds: [team.teamId],
        addedBy: tenantAdmin.userId,
        version: 1,
      });
      const self = `${members()}/${user.userId}`;
      expect(response.headers.location).toBe(self);
      expect(response.headers.etag).toBe('"1"');
      expect(response.body._links).toMatchObject({
        self: { href: self },
        update: { href: self, method: 'PATCH' },
        remove: { href: self, method: 'DELETE' },
        user: { href: `/v1.0/users/${user.userId}` },
      });
      expect((await fx.expect(200, 'GET', team.href, viewer.token)).memberCount).toBe(1);
      const teamMembers = await fx.expect(200, 'GET', `${team.href}/members`, viewer.token);
      expect(teamMembers.items.map((m: any) => m.userId)).toEqual([user.userId]);
    });

    it('answers 404 USER_NOT_FOUND for an email the directory does not know (invite instead)', async () => {
      const response = await fx.call('POST', members(), tenantAdmin.token, {
        email: uniqueEmail('nobody'),
        role: 'VIEWER',
      });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('USER_NOT_FOUND');
    });

    it('answers 409 ALREADY_MEMBER and 422 UNKNOWN_TEAM', async () => {
      const again = await fx.call('POST', members(), tenantAdmin.token, {
        email: viewer.email,
        role: 'ADMIN',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_MEMBER');
      const user = await fx.directoryUser();
      const ghost = await fx.call('POST', members(), tenantAdmin.token, {
        email: user.email,
        role: 'VIEWER',
        teamIds: ['team-00000000-0000-4000-8000-000000000000'],
      });
      expect(ghost.status).toBe(422);
      expect(ghost.body.error).toMatchObject({
        code: 'UNKNOWN_TEAM',
        details: { teamIds: ['team-00000000-0000-4000-8000-000000000000'] },
      });
      expect((await fx.call('GET', `${members()}/${user.userId}`, tenantAdmin.token)).status).toBe(404);
    });

    it.each([
      ['a missing email', { role: 'VIEWER' }, 'email'],
      ['an invalid email', { email: 'not-an-email', role: 'VIEWER' }, 'email'],
      ['an unknown role', { email: 'a@example.com', role: 'OWNER' }, 'role'],
      ['a malformed team id', { email: 'a@example.com', role: 'VIEWER', teamIds: ['div-1'] }, 'teamIds'],
      [
        'teamIds that is not an array',
        { email: 'a@example.com', role: 'VIEWER', teamIds: 'team-x' },
        'teamIds',
      ],
      ['an unknown field', { email: 'a@example.com', role: 'VIEWER', userId: 'x' }, 'userId'],
    ])('rejects %s with 400', async (_case, body, field) => {
      const response = await fx.call('POST', members(), tenantAdmin.token, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it('is for ADMINs: an OPERATOR gets 403, a member of another tenant 404', async () => {
      const user = await fx.directoryUser();
      expect(
        (await fx.call('POST', members(), operator.token, { email: user.email, role: 'VIEWER' })).status,
      ).toBe(403);
      const foreign = await fx.call('POST', members(), outsider.token, { email: user.email, role: 'VIEWER' });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('TENANT_NOT_FOUND');
    });
  });

  describe('GET', () => {
    it('lists members for ADMINs and OPERATORs, filtered by role and team, page by page', async () => {
      const all = await fx.expect(200, 'GET', `${members()}?pageSize=100`, operator.token);
      expect(all.items.map((m: any) => m.userId)).toEqual(
        expect.arrayContaining([tenantAdmin.userId, operator.userId, viewer.userId]),
      );
      const admins = await fx.expect(200, 'GET', `${members()}?role=admin`, tenantAdmin.token);
      expect(admins.items.map((m: any) => m.userId)).toEqual([tenantAdmin.userId]);
      expect(admins._links.self.href).toBe(`${members()}?role=ADMIN&pageSize=20`);
      const inTeam = await fx.expect(200, 'GET', `${members()}?teamId=${team.teamId}`, tenantAdmin.token);
      expect(inTeam.items.every((m: any) => m.teamIds.includes(team.teamId))).toBe(true);
      const first = await fx.expect(200, 'GET', `${members()}?pageSize=1`, tenantAdmin.token);
      expect(first.moreAvailable).toBe(true);
      const second = await fx.expect(200, 'GET', first._links.next.href, tenantAdmin.token);
      expect(second.items[0].userId).not.toBe(first.items[0].userId);
      const audit = await fx.expect(
        200,
        'GET',
        `/v1.0/tenants/${tenant.tenantId}/audit?pageSize=1`,
        tenantAdmin.token,
      );
      const foreign = await fx.call('GET', `${members()}?startAt=${audit.nextStartAt}`, tenantAdmin.token);
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.details.fields[0].field).toBe('startAt');
    });

    it('keeps the list from VIEWERs (403) and members of other tenants (404); rejects bad filters (400)', async () => {
      expect((await fx.call('GET', members(), viewer.token)).status).toBe(403);
      expect((await fx.call('GET', members(), outsider.token)).status).toBe(404);
      expect((await fx.call('GET', `${members()}?role=OWNER`, tenantAdmin.token)).status).toBe(400);
      expect((await fx.call('GET', `${members()}?teamId=nope`, tenantAdmin.token)).status).toBe(400);
    });

    it('shows one member to ADMINs, OPERATORs and the member themselves; other VIEWERs get 403', async () => {
      const url = `${members()}/${operator.userId}`;
      expect((await fx.call('GET', url, tenantAdmin.token)).body.role).toBe('OPERATOR');
      expect((await fx.call('GET', url, operator.token)).status).toBe(200);
      expect((await fx.call('GET', url, viewer.token)).status).toBe(403);
      const own = await fx.call('GET', `${members()}/${viewer.userId}`, viewer.token);
      expect(own.status).toBe(200);
      expect(own.body._links.update).toBeUndefined();
      expect(own.body._links.collection).toBeUndefined();
      expect((await fx.call('GET', url, outsider.token)).status).toBe(404);
      const missing = await fx.call(
        'GET',
        `${members()}/00000000-0000-4000-8000-000000000000`,
        tenantAdmin.token,
      );
      expect(missing.body.error.code).toBe('MEMBER_NOT_FOUND');
      expect((await fx.call('GET', `${members()}/bad%20id`, tenantAdmin.token)).status).toBe(400);
    });

    it("lists a team's members to any member, and 404s an unknown team", async () => {
      expect((await fx.call('GET', `${team.href}/members`, viewer.token)).status).toBe(200);
      const unknown = `/v1.0/tenants/${tenant.tenantId}/divisions/${team.divisionId}/groups/${team.groupId}/teams/team-00000000-0000-4000-8000-000000000000/members`;
      expect((await fx.call('GET', unknown, viewer.token)).body.error.code).toBe('TEAM_NOT_FOUND');
    });
  });

  describe('PATCH and DELETE', () => {
    it('changes the role and the teams (moving the team counts) with If-Match', async () => {
      const other = await fx.createTeam(tenant.tenantId, tenantAdmin.token);
      const user = await fx.directoryUser();
      await fx.addMember(tenant.tenantId, user, 'VIEWER', [team.teamId], tenantAdmin.token);
      const before = (await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount;
      const url = `${members()}/${user.userId}`;
      const changed = await fx.api.request({
        method: 'PATCH',
        url,
        token: tenantAdmin.token,
        body: { role: 'operator', teamIds: [other.teamId] },
        headers: { 'if-match': '"1"' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ role: 'OPERATOR', teamIds: [other.teamId], version: 2 });
      expect((await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount).toBe(before - 1);
      expect((await fx.expect(200, 'GET', other.href, tenantAdmin.token)).memberCount).toBe(1);
      const stale = await fx.api.request({
        method: 'PATCH',
        url,
        token: tenantAdmin.token,
        body: { role: 'VIEWER' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      const noop = await fx.call('PATCH', url, tenantAdmin.token, {
        role: 'OPERATOR',
        teamIds: [other.teamId],
      });
      expect(noop.body.version).toBe(2);
      expect((await fx.call('PATCH', url, operator.token, { role: 'ADMIN' })).status).toBe(403);
      expect(
        (
          await fx.call('PATCH', url, tenantAdmin.token, {
            teamIds: ['team-00000000-0000-4000-8000-000000000000'],
          })
        ).status,
      ).toBe(422);
      const audit = await fx.audit(tenant.tenantId);
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'MEMBER_UPDATED',
            actor: tenantAdmin.userId,
            details: expect.objectContaining({
              userId: user.userId,
              beforeRole: 'VIEWER',
              afterRole: 'OPERATOR',
              joinedTeamIds: [other.teamId],
              leftTeamIds: [team.teamId],
            }),
          }),
        ]),
      );
    });

    it('removes a member (204) who then loses access at once, with the team count kept right', async () => {
      const user = await fx.directoryUser();
      await fx.addMember(tenant.tenantId, user, 'VIEWER', [team.teamId], tenantAdmin.token);
      expect((await fx.call('GET', `/v1.0/tenants/${tenant.tenantId}`, user.token)).status).toBe(200);
      const count = (await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount;
      expect((await fx.call('DELETE', `${members()}/${user.userId}`, viewer.token)).status).toBe(403);
      expect((await fx.call('DELETE', `${members()}/${user.userId}`, tenantAdmin.token)).status).toBe(204);
      expect((await fx.call('GET', `/v1.0/tenants/${tenant.tenantId}`, user.token)).status).toBe(404);
      expect((await fx.expect(200, 'GET', team.href, tenantAdmin.token)).memberCount).toBe(count - 1);
      expect(
        (await fx.call('DELETE', `${members()}/${user.userId}`, tenantAdmin.token)).body.error.code,
      ).toBe('MEMBER_NOT_FOUND');
      expect((await fx.audit(tenant.tenantId)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['MEMBER_ADDED', 'MEMBER_REMOVED']),
      );
    });

    it('never demotes or removes the last ADMIN (422 LAST_ADMIN), and hides those links', async () => {
      const solo = await fx.tenantWithAdmin();
      const url = `${members(solo.tenant.tenantId)}/${solo.tenantAdmin.userId}`;
      const demote = await fx.call('PATCH', url, solo.tenantAdmin.token, { role: 'VIEWER' });
      expect(demote.status).toBe(422);
      expect(demote.body.error.code).toBe('LAST_ADMIN');
      expect((await fx.call('DELETE', url, fx.admin.token)).body.error.code).toBe('LAST_ADMIN');
      const read = await fx.expect(200, 'GET', url, solo.tenantAdmin.token);
      expect(read.role).toBe('ADMIN');
      expect(read._links.remove).toBeUndefined();
    });

    it('leaves exactly one ADMIN when the last two demote each other at the same time', async () => {
      const pair = await fx.tenantWithAdmin();
      const t = pair.tenant.tenantId;
      const second = await fx.directoryUser();
      await fx.addMember(t, second, 'ADMIN', [], pair.tenantAdmin.token);
      const [a, b] = await Promise.all([
        fx.call('PATCH', `${members(t)}/${second.userId}`, pair.tenantAdmin.token, { role: 'VIEWER' }),
        fx.call('PATCH', `${members(t)}/${pair.tenantAdmin.userId}`, second.token, { role: 'VIEWER' }),
      ]);
      // One demotion wins. The other is refused either by the last-ADMIN rule (both passed the role
      // check before either wrote) or by the role check itself (its caller was already demoted).
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expect(winner.status).toBe(200);
      expect([403, 422]).toContain(loser.status);
      expect(loser.body.error.code).toBe(loser.status === 422 ? 'LAST_ADMIN' : 'FORBIDDEN');
      const admins = await fx.expect(200, 'GET', `${members(t)}?role=ADMIN`, fx.admin.token);
      expect(admins.count).toBe(1);
    });

    it('leaves exactly one ADMIN when the last two are removed at the same time', async () => {
      const pair = await fx.tenantWithAdmin();
      const t = pair.tenant.tenantId;
      const second = await fx.directoryUser();
      await fx.addMember(t, second, 'ADMIN');
      const results = await Promise.all(
        [pair.tenantAdmin.userId, second.userId].map((userId) =>
          fx.call('DELETE', `${members(t)}/${userId}`, fx.admin.token),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([204, 422]);
      expect((await fx.expect(200, 'GET', `${members(t)}?role=ADMIN`, fx.admin.token)).count).toBe(1);
    });
  });

  describe('/tenants/{t}/users aliases', () => {
    it('accepts every members route under /users', async () => {
      const alias = `/v1.0/tenants/${tenant.tenantId}/users`;
      const user = await fx.directoryUser();
      const added = await fx.call('POST', alias, tenantAdmin.token, { email: user.email, role: 'VIEWER' });
      expect(added.status).toBe(201);
      expect(added.headers.location).toBe(`${members()}/${user.userId}`);
      expect((await fx.call('GET', alias, tenantAdmin.token)).body.items.map((m: any) => m.userId)).toContain(
        user.userId,
      );
      expect((await fx.call('GET', `${alias}/${user.userId}`, tenantAdmin.token)).body.email).toBe(
        user.email,
      );
      expect(
        (await fx.call('PATCH', `${alias}/${user.userId}`, tenantAdmin.token, { role: 'OPERATOR' })).body
          .role,
      ).toBe('OPERATOR');
      expect((await fx.call('DELETE', `${alias}/${user.userId}`, tenantAdmin.token)).status).toBe(204);
    });
  });

  it('needs a token; a stranger gets 404', async () => {
    expect((await fx.call('GET', members(), undefined)).status).toBe(401);
    expect((await fx.call('GET', members(), (await newTestUser()).token)).status).toBe(404);
  });
});
