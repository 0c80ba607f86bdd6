import { newTestUser, type TestUser } from '@bbws/testing-e2e';
import { OrgFixture, type TeamPathIds } from './org-fixture';

describe('users: /v1.0/users/me, /v1.0/users/:userId, /v1.0/users/:userId/tenants', () => {
  let fx: OrgFixture;
  let shared: { tenant: any; tenantAdmin: TestUser };
  let other: { tenant: any; tenantAdmin: TestUser };
  let bob: TestUser;
  let sharedTeam: TeamPathIds;
  let otherTeam: TeamPathIds;

  beforeAll(async () => {
    fx = await OrgFixture.start();
    shared = await fx.tenantWithAdmin();
    other = await fx.tenantWithAdmin();
    sharedTeam = await fx.createTeam(shared.tenant.tenantId, shared.tenantAdmin.token);
    otherTeam = await fx.createTeam(other.tenant.tenantId, other.tenantAdmin.token);
    bob = await fx.directoryUser({ name: 'Bob Builder' });
    await fx.addMember(shared.tenant.tenantId, bob, 'OPERATOR', [sharedTeam.teamId]);
    await fx.addMember(other.tenant.tenantId, bob, 'VIEWER', [otherTeam.teamId]);
  });
  afterAll(() => fx.close());

  describe('GET /v1.0/users/me', () => {
    it("returns the caller's directory profile and memberships with organization names", async () => {
      const me = await fx.call('GET', '/v1.0/users/me', bob.token);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        userId: bob.userId,
        email: bob.email,
        name: 'Bob Builder',
        status: 'ACTIVE',
        isPlatformAdmin: false,
        moreMemberships: false,
      });
      expect(me.body.memberships).toHaveLength(2);
      expect(me.body.memberships).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            tenantId: shared.tenant.tenantId,
            organizationName: shared.tenant.organizationName,
            role: 'OPERATOR',
            teamIds: [sharedTeam.teamId],
            _links: {
              tenant: { href: `/v1.0/tenants/${shared.tenant.tenantId}` },
              membership: { href: `/v1.0/tenants/${shared.tenant.tenantId}/members/${bob.userId}` },
            },
          }),
          expect.objectContaining({ tenantId: other.tenant.tenantId, role: 'VIEWER' }),
        ]),
      );
      expect(me.body._links).toEqual({
        self: { href: '/v1.0/users/me' },
        user: { href: `/v1.0/users/${bob.userId}` },
        tenants: { href: `/v1.0/users/${bob.userId}/tenants` },
      });
    });

    it('falls back to the token claims for a caller the directory does not know', async () => {
      const stranger = await newTestUser({ name: 'Sam Stranger' });
      const me = await fx.expect(200, 'GET', '/v1.0/users/me', stranger.token);
      expect(me).toMatchObject({
        userId: stranger.userId,
        email: stranger.email,
        name: 'Sam Stranger',
        memberships: [],
      });
      expect((await fx.expect(200, 'GET', '/v1.0/users/me', fx.admin.token)).isPlatformAdmin).toBe(true);
    });

    it('needs a token', async () => {
      expect((await fx.call('GET', '/v1.0/users/me', undefined)).status).toBe(401);
    });
  });

  describe('GET /v1.0/users/:userId', () => {
    it('shows the user everything about themselves', async () => {
      const self = await fx.expect(200, 'GET', `/v1.0/users/${bob.userId}`, bob.token);
      expect(self).toMatchObject({
        userId: bob.userId,
        email: bob.email,
        name: 'Bob Builder',
        status: 'ACTIVE',
      });
      expect(self.teams).toEqual(
        expect.arrayContaining([
          { tenantId: shared.tenant.tenantId, teamId: sharedTeam.teamId },
          { tenantId: other.tenant.tenantId, teamId: otherTeam.teamId },
        ]),
      );
      expect(self._links).toEqual({
        self: { href: `/v1.0/users/${bob.userId}` },
        tenants: { href: `/v1.0/users/${bob.userId}/tenants` },
      });
    });

    it('shows platform admins everything', async () => {
      expect((await fx.expect(200, 'GET', `/v1.0/users/${bob.userId}`, fx.admin.token)).teams).toHaveLength(
        2,
      );
    });

    it('shows an ADMIN of a shared tenant the profile with only that tenant’s teams, and no tenants link', async () => {
      const seen = await fx.expect(200, 'GET', `/v1.0/users/${bob.userId}`, shared.tenantAdmin.token);
      expect(seen).toMatchObject({ userId: bob.userId, email: bob.email });
      expect(seen.teams).toEqual([{ tenantId: shared.tenant.tenantId, teamId: sharedTeam.teamId }]);
      expect(seen._links.tenants).toBeUndefined();
    });

    it('answers 404 to anyone else: an OPERATOR of a shared tenant, a stranger, a user that does not exist', async () => {
      const colleague = await fx.directoryUser();
      await fx.addMember(shared.tenant.tenantId, colleague, 'OPERATOR');
      const byColleague = await fx.call('GET', `/v1.0/users/${bob.userId}`, colleague.token);
      expect(byColleague.status).toBe(404);
      expect(byColleague.body.error.code).toBe('USER_NOT_FOUND');
      expect((await fx.call('GET', `/v1.0/users/${bob.userId}`, (await newTestUser()).token)).status).toBe(
        404,
      );
      expect(
        (await fx.call('GET', '/v1.0/users/00000000-0000-4000-8000-000000000000', fx.admin.token)).status,
      ).toBe(404);
      expect((await fx.call('GET', '/v1.0/users/bad%20id', fx.admin.token)).status).toBe(400);
    });
  });

  describe('GET /v1.0/users/:userId/tenants', () => {
    it("lists the user's tenants with role and join date, page by page", async () => {
      const page = await fx.expect(200, 'GET', `/v1.0/users/${bob.userId}/tenants?pageSize=1`, bob.token);
      expect(page.count).toBe(1);
      expect(page.moreAvailable).toBe(true);
      const next = await fx.expect(200, 'GET', page._links.next.href, bob.token);
      const items = [...page.items, ...next.items];
      expect(items.map((item: any) => item.tenantId).sort()).toEqual(
        [shared.tenant.tenantId, other.tenant.tenantId].sort(),
      );
      expect(items.find((item: any) => item.tenantId === shared.tenant.tenantId)).toMatchObject({
        organizationName: shared.tenant.organizationName,
        role: 'OPERATOR',
        joinedAt: expect.any(String),
      });
      const viaMe = await fx.expect(200, 'GET', '/v1.0/users/me/tenants', bob.token);
      expect(viaMe.count).toBe(2);
    });

    it('is for the user and platform admins: a tenant ADMIN gets 403', async () => {
      expect((await fx.expect(200, 'GET', `/v1.0/users/${bob.userId}/tenants`, fx.admin.token)).count).toBe(
        2,
      );
      const denied = await fx.call('GET', `/v1.0/users/${bob.userId}/tenants`, shared.tenantAdmin.token);
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
    });
  });
});
