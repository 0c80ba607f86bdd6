import type { Member, MembershipReaderDao } from '@bbws/data-access-memberships';
import type { TenantDao } from '@bbws/data-access-tenants';
import type { DirectoryUser, IdentityDirectory } from '@bbws/integrations-identity';
import { buildCaller, buildMember, buildTenant, fakePort } from '@bbws/testing-factories';
import { UsersService } from './users.service';

const member = (tenantId: string, userId: string, role: Member['role'], teamIds: string[] = []): Member =>
  buildMember({ tenantId, userId, email: `${userId}@example.com`, name: userId, role, teamIds });

const caller = (userId: string, isPlatformAdmin = false) => buildCaller({ userId, isPlatformAdmin });

function setUp(memberships: Member[], directoryKnows = true) {
  const reader = fakePort<MembershipReaderDao>({
    listByUser: async (userId: string) => ({
      items: memberships.filter((m) => m.userId === userId),
      nextStartAt: null,
    }),
    findInTenants: async (tenantIds: string[], userId: string) =>
      memberships.filter((m) => m.userId === userId && tenantIds.includes(m.tenantId)),
  });
  const identity = fakePort<IdentityDirectory>({
    getUser: async (userId: string): Promise<DirectoryUser | null> =>
      directoryKnows
        ? {
            userId,
            email: `${userId}@example.com`,
            name: `Dir ${userId}`,
            status: 'ACTIVE',
            emailVerified: true,
          }
        : null,
  });
  const tenants = fakePort<TenantDao>({
    getMany: async (ids: string[]) =>
      ids.map((tenantId) => buildTenant({ tenantId, organizationName: `Org ${tenantId}` })),
  });
  return new UsersService(identity, reader, tenants);
}

describe('UsersService visibility', () => {
  const memberships = [
    member('t1', 'bob', 'OPERATOR', ['team-1']),
    member('t2', 'bob', 'VIEWER', ['team-2']),
    member('t1', 'alice', 'ADMIN'),
    member('t1', 'olga', 'OPERATOR'),
    member('t3', 'zed', 'ADMIN'),
  ];

  it('shows an ADMIN of a shared tenant only the teams of the tenants they administer', async () => {
    const view = await setUp(memberships).get(caller('alice'), 'bob');
    expect(view.memberships.map((m) => m.tenantId)).toEqual(['t1']);
    expect(view.canListTenants).toBe(false);
  });

  it('answers 404 to an OPERATOR of a shared tenant and to an ADMIN of an unrelated one', async () => {
    await expect(setUp(memberships).get(caller('olga'), 'bob')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    await expect(setUp(memberships).get(caller('zed'), 'bob')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });

  it('shows the user and platform admins everything', async () => {
    expect((await setUp(memberships).get(caller('bob'), 'bob')).memberships).toHaveLength(2);
    expect((await setUp(memberships).get(caller('staff', true), 'bob')).canListTenants).toBe(true);
  });

  it('falls back to membership data when the directory no longer knows the user', async () => {
    const view = await setUp(memberships, false).get(caller('alice'), 'bob');
    expect(view.profile).toEqual({ userId: 'bob', email: 'bob@example.com', name: 'bob', status: 'UNKNOWN' });
  });

  it("keeps a user's tenant list to the user and platform admins", async () => {
    await expect(
      setUp(memberships).listTenants(caller('alice'), 'bob', { pageSize: 10 }),
    ).rejects.toMatchObject({ status: 403 });
    const page = await setUp(memberships).listTenants(caller('bob'), 'bob', { pageSize: 10 });
    expect(page.items.map((item) => item.tenant.organizationName)).toEqual(['Org t1', 'Org t2']);
  });
});
