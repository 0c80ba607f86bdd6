import type { Member, MembershipReaderDao } from '@bbws/data-access-memberships';
import type { HierarchyDao, MemberDao, TeamPath, TenantDao } from '@bbws/data-access-tenants';
import type { IdentityDirectory } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { TestClock, buildCaller, buildMember, buildTenant, fakePort } from '@bbws/testing-factories';
import { OrganizationService } from '../organization/organization.service';
import { MembersService } from './members.service';

const team = (teamId: string): TeamPath => ({ level: 'TEAM', divisionId: 'div-1', groupId: 'grp-1', teamId });

function setUp(roles: Record<string, Member['role']>, current: Partial<Member> = {}) {
  const stored = buildMember({
    tenantId: 't1',
    userId: 'bob',
    email: 'bob@example.com',
    name: 'Bob',
    role: 'VIEWER',
    teamIds: ['team-a', 'team-b'],
    version: 3,
    ...current,
  });
  const memberships = fakePort<MembershipReaderDao>({
    find: async (tenantId: string, userId: string) =>
      roles[userId] ? buildMember({ tenantId, userId, role: roles[userId] }) : null,
  });
  const access = new TenantAccessService(memberships, 0);
  const members = {
    get: jest.fn(async () => stored),
    update: jest.fn<ReturnType<MemberDao['update']>, Parameters<MemberDao['update']>>(
      async (_current, version, changes) => ({
        ...stored,
        ...changes,
        version: version + 1,
      }),
    ),
    add: jest.fn(async () => undefined),
  };
  const known = new Map(['team-a', 'team-b', 'team-c'].map((id) => [id, team(id)]));
  const hierarchy = {
    findTeams: jest.fn(
      async (_t: string, ids: string[]) =>
        new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id) as TeamPath])),
    ),
  };
  const tenants = {
    get: jest.fn(async () => buildTenant({ tenantId: 't1', status: 'ACTIVE', adminCount: 1 })),
  };
  const identity = { findUserByEmail: jest.fn(async () => null), getUser: jest.fn() };
  const clock = TestClock.frozen('2026-01-01T00:00:00Z');
  const organization = new OrganizationService(
    fakePort<TenantDao>(tenants),
    fakePort<HierarchyDao>(hierarchy),
    clock,
  );
  const service = new MembersService(
    fakePort<MemberDao>(members),
    fakePort<HierarchyDao>({}),
    organization,
    fakePort<IdentityDirectory>(identity),
    access,
    clock,
  );
  return { service, members };
}

const as = (userId: string) => buildCaller({ userId, email: '', emailVerified: false, name: '' });

describe('MembersService', () => {
  it('lets a VIEWER read only their own membership', async () => {
    const { service } = setUp({ bob: 'VIEWER', vera: 'VIEWER', otto: 'OPERATOR' });
    await expect(service.get(as('bob'), 't1', 'bob')).resolves.toMatchObject({ member: { userId: 'bob' } });
    await expect(service.get(as('vera'), 't1', 'bob')).rejects.toMatchObject({ status: 403 });
    await expect(service.get(as('otto'), 't1', 'bob')).resolves.toBeDefined();
    await expect(service.get(as('stranger'), 't1', 'bob')).rejects.toMatchObject({
      code: 'TENANT_NOT_FOUND',
    });
  });

  it('works out the teams joined and left, and audits the role change', async () => {
    const { service, members } = setUp({ alice: 'ADMIN' });
    await service.update(
      as('alice'),
      't1',
      'bob',
      { role: 'OPERATOR', teamIds: ['team-b', 'team-c', 'team-c'] },
      3,
    );
    const [, version, changes, audit, moves] = members.update.mock.calls[0];
    expect(version).toBe(3);
    expect(changes).toEqual({ role: 'OPERATOR', teamIds: ['team-b', 'team-c'] });
    expect(moves).toEqual({ joined: [team('team-c')], left: [team('team-a')] });
    expect(audit.details).toEqual({
      userId: 'bob',
      beforeRole: 'VIEWER',
      afterRole: 'OPERATOR',
      joinedTeamIds: ['team-c'],
      leftTeamIds: ['team-a'],
    });
  });

  it('refuses teams that are not in the tenant (422 UNKNOWN_TEAM) and unknown emails (404 USER_NOT_FOUND)', async () => {
    const { service, members } = setUp({ alice: 'ADMIN' });
    await expect(service.update(as('alice'), 't1', 'bob', { teamIds: ['team-x'] })).rejects.toMatchObject({
      code: 'UNKNOWN_TEAM',
      details: { teamIds: ['team-x'] },
    });
    await expect(
      service.add(as('alice'), 't1', { email: 'nobody@example.com', role: 'VIEWER' }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(members.update).not.toHaveBeenCalled();
    expect(members.add).not.toHaveBeenCalled();
  });
});
