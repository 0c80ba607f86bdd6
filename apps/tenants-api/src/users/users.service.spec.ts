import type { Member, MembershipReaderDao } from '@bbws/data-access-memberships';
import type { TenantDao } from '@bbws/data-access-tenants';
import type { IdentityDirectory } from '@bbws/integrations-identity';
import type { Caller } from '@bbws/platform-auth';
import { UsersService } from './users.service';

const member = (tenantId: string, userId: string, role: Member['role'], teamIds: string[] = []): Member => ({
  tenantId,
  userId,
  email: `${userId}@example.com`,
  name: userId,
  role,
  teamIds,
  joinedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'x',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const caller = (userId: string, isPlatformAdmin = false): Caller => ({
  userId,
  email: `${userId}@example.com`,
  emailVerified: true,
  name: userId,
  isPlatformAdmin,
});

function setUp(memberships: Member[], directoryKnows = true) {
  const reader = {
    listByUser: jest.fn(async (userId: string) => ({
      items: memberships.filter((m) => m.userId === userId),
      nextStartAt: null,
    })),
    findInTenants: jest.fn(async (tenantIds: string[], userId: string) =>
      memberships.filter((m) => m.userId === userId && tenantIds.includes(m.tenantId)),
    ),
  };
  const identity = {
    getUser: jest.fn(async (userId: string) =>
      directoryKnows
        ? { userId, email: `${userId}@example.com`, name: `Dir ${userId}`, status: 'ACTIVE' }
        : null,
    ),
  };
  const tenants = {
    getMany: jest.fn(async (ids: string[]) =>
      ids.map((tenantId) => ({ tenantId, organizationName: `Org ${tenantId}` })),
    ),
  };
  return new UsersService(
    identity as unknown as IdentityDirectory,
    reader as unknown as MembershipReaderDao,
    tenants as unknown as TenantDao,
  );
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
