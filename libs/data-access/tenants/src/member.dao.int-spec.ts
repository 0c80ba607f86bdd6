import {
  AlreadyMemberError,
  LastAdminError,
  UnknownTeamError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import type { Member } from '@bbws/data-access-memberships';
import type { TeamPath } from './hierarchy.entity';
import {
  TestClock,
  buildAuditEvent,
  buildHierarchyNode,
  buildMember,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';

describe('MemberDao (DynamoDB Local)', () => {
  const db = testDynamoContext(TestClock.frozen());
  const { tenants, hierarchy, members } = tenantTableDaos(db);
  let tenantId: string;

  beforeEach(async () => {
    tenantId = (await seedTenant(tenants)).tenantId;
  });

  const adminCount = async () => (await tenants.get(tenantId))?.adminCount;
  const addMember = async (overrides: Partial<Member> = {}, teams: TeamPath[] = []) => {
    const member = buildMember({ tenantId, ...overrides });
    await members.add(member, buildAuditEvent({ tenantId, action: 'MEMBER_ADDED' }), teams);
    return member;
  };
  const newTeam = async (): Promise<TeamPath> => {
    const divisionId = newId('div');
    const groupId = newId('grp');
    await hierarchy.create(
      buildHierarchyNode({ tenantId, path: { level: 'DIVISION', divisionId } }),
      buildAuditEvent({ tenantId }),
    );
    await hierarchy.create(
      buildHierarchyNode({ tenantId, path: { level: 'GROUP', divisionId, groupId } }),
      buildAuditEvent({ tenantId }),
    );
    const path: TeamPath = { level: 'TEAM', divisionId, groupId, teamId: newId('team') };
    await hierarchy.create(buildHierarchyNode({ tenantId, path: path }), buildAuditEvent({ tenantId }));
    return path;
  };
  const memberCount = async (team: TeamPath) => (await hierarchy.get(tenantId, team))?.memberCount;

  it('counts ADMINs on the tenant and refuses a second membership for the same user', async () => {
    const admin = await addMember({ role: 'ADMIN' });
    await addMember({ role: 'VIEWER' });
    expect(await adminCount()).toBe(1);
    await expect(members.add({ ...admin, role: 'VIEWER' }, buildAuditEvent({ tenantId }))).rejects.toEqual(
      new AlreadyMemberError(admin.userId),
    );
    expect(await adminCount()).toBe(1);
  });

  it('never demotes the last ADMIN', async () => {
    const admin = await addMember({ role: 'ADMIN' });
    await expect(
      members.update(admin, 1, { role: 'OPERATOR' }, buildAuditEvent({ tenantId }), { joined: [], left: [] }),
    ).rejects.toEqual(new LastAdminError(tenantId));
    expect((await members.get(tenantId, admin.userId))?.role).toBe('ADMIN');
  });

  it('never removes the last ADMIN', async () => {
    const admin = await addMember({ role: 'ADMIN' });
    await expect(members.remove(admin, 1, buildAuditEvent({ tenantId }), [])).rejects.toEqual(
      new LastAdminError(tenantId),
    );
    expect(await members.get(tenantId, admin.userId)).not.toBeNull();
  });

  it('leaves exactly one ADMIN when the last two are demoted concurrently', async () => {
    const [a, b] = [await addMember({ role: 'ADMIN' }), await addMember({ role: 'ADMIN' })];
    const results = await Promise.allSettled([
      members.update(a, 1, { role: 'VIEWER' }, buildAuditEvent({ tenantId }), { joined: [], left: [] }),
      members.update(b, 1, { role: 'VIEWER' }, buildAuditEvent({ tenantId }), { joined: [], left: [] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason),
    ).toEqual([new LastAdminError(tenantId)]);
    const roles = await Promise.all([a, b].map(async (m) => (await members.get(tenantId, m.userId))?.role));
    expect(roles.filter((role) => role === 'ADMIN')).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it('leaves exactly one ADMIN when the last two are removed concurrently', async () => {
    const [a, b] = [await addMember({ role: 'ADMIN' }), await addMember({ role: 'ADMIN' })];
    const results = await Promise.allSettled([
      members.remove(a, 1, buildAuditEvent({ tenantId }), []),
      members.remove(b, 1, buildAuditEvent({ tenantId }), []),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it('promotes and demotes with the counter in step', async () => {
    const admin = await addMember({ role: 'ADMIN' });
    const viewer = await addMember();
    const promoted = await members.update(viewer, 1, { role: 'ADMIN' }, buildAuditEvent({ tenantId }), {
      joined: [],
      left: [],
    });
    expect(promoted).toMatchObject({ role: 'ADMIN', version: 2 });
    expect(await adminCount()).toBe(2);
    await members.update(admin, 1, { role: 'OPERATOR' }, buildAuditEvent({ tenantId }), {
      joined: [],
      left: [],
    });
    expect(await adminCount()).toBe(1);
  });

  it('moves team assignments and member counters with the membership', async () => {
    const [t1, t2] = [await newTeam(), await newTeam()];
    const member = await addMember({ teamIds: [t1.teamId] }, [t1]);
    expect(await memberCount(t1)).toBe(1);
    expect(
      (await members.listByTeam(tenantId, t1.teamId, { pageSize: 10 })).items.map((m) => m.userId),
    ).toEqual([member.userId]);

    const moved = await members.update(member, 1, { teamIds: [t2.teamId] }, buildAuditEvent({ tenantId }), {
      joined: [t2],
      left: [t1],
    });
    expect(moved.teamIds).toEqual([t2.teamId]);
    expect([await memberCount(t1), await memberCount(t2)]).toEqual([0, 1]);
    expect(
      (await members.list(tenantId, { teamId: t2.teamId }, { pageSize: 10 })).items.map((m) => m.userId),
    ).toEqual([member.userId]);

    await members.remove(moved, 2, buildAuditEvent({ tenantId }), [t2]);
    expect(await memberCount(t2)).toBe(0);
    expect((await members.listByTeam(tenantId, t2.teamId, { pageSize: 10 })).items).toEqual([]);
  });

  it('refuses an assignment to a team that does not exist', async () => {
    const ghost: TeamPath = {
      level: 'TEAM',
      divisionId: newId('div'),
      groupId: newId('grp'),
      teamId: newId('team'),
    };
    await expect(addMember({ teamIds: [ghost.teamId] }, [ghost])).rejects.toEqual(
      new UnknownTeamError(ghost.teamId),
    );
  });

  it('answers 412 for a stale version and filters the list by role', async () => {
    const member = await addMember({ role: 'OPERATOR' });
    await addMember({ role: 'VIEWER' });
    await expect(
      members.update(member, 7, { role: 'VIEWER' }, buildAuditEvent({ tenantId }), { joined: [], left: [] }),
    ).rejects.toEqual(new VersionConflictError(7, 1));
    const operators = await members.list(tenantId, { role: 'OPERATOR' }, { pageSize: 10 });
    expect(operators.items.map((m) => m.userId)).toEqual([member.userId]);
  });
});
