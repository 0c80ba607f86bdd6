import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  HasChildrenError,
  ItemMissingError,
  LimitReachedError,
  NameTakenError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import type { DivisionPath, GroupPath, HierarchyNode, TeamPath } from './hierarchy.entity';
import { hierarchyKeys } from './hierarchy.keys';
import { tenantKeys } from './tenant.keys';
import {
  TestClock,
  buildAuditEvent,
  buildHierarchyNode,
  buildMember,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';

describe('HierarchyDao (DynamoDB Local)', () => {
  const db = testDynamoContext(TestClock.frozen());
  const { tenants, hierarchy, members } = tenantTableDaos(db);
  let tenantId: string;

  beforeEach(async () => {
    tenantId = (await seedTenant(tenants)).tenantId;
  });

  const division = (): DivisionPath => ({ level: 'DIVISION', divisionId: newId('div') });
  const group = (d: DivisionPath): GroupPath => ({
    level: 'GROUP',
    divisionId: d.divisionId,
    groupId: newId('grp'),
  });
  const team = (g: GroupPath): TeamPath => ({
    level: 'TEAM',
    divisionId: g.divisionId,
    groupId: g.groupId,
    teamId: newId('team'),
  });
  const create = async (path: DivisionPath | GroupPath | TeamPath, name?: string): Promise<HierarchyNode> => {
    const node = buildHierarchyNode({ tenantId, path: path, ...(name ? { name } : {}) });
    await hierarchy.create(node, buildAuditEvent({ tenantId, action: `${path.level}_CREATED` }));
    return node;
  };
  const counter = async (key: { PK: string; SK: string }, attribute: string) =>
    ((await db.client.send(new GetCommand({ TableName: db.tables.tenants, Key: key }))).Item?.[attribute] as
      number | undefined) ?? 0;

  it('builds the tree from one query, with child and member counters kept on the parents', async () => {
    const d = division();
    await create(d, 'Sales');
    const g = group(d);
    await create(g, 'EMEA');
    const t1 = team(g);
    const t2 = team(g);
    await create(t1, 'Berlin');
    await create(t2, 'Athens');
    await members.add(buildMember({ tenantId, teamIds: [t1.teamId] }), buildAuditEvent({ tenantId }), [t1]);

    const tree = await hierarchy.tree(tenantId);
    expect(tree.divisions).toHaveLength(1);
    expect(tree.divisions[0]).toMatchObject({ name: 'Sales', childCount: 1 });
    expect(tree.divisions[0].groups[0]).toMatchObject({ name: 'EMEA', childCount: 2 });
    expect(tree.divisions[0].groups[0].teams.map((t) => [t.name, t.memberCount])).toEqual([
      ['Athens', 0],
      ['Berlin', 1],
    ]);
    expect(await counter(tenantKeys.tenant(tenantId), 'divisionCount')).toBe(1);
  });

  it('keeps sibling names unique case- and space-insensitively, but allows the name under another parent', async () => {
    const d1 = division();
    await create(d1, 'Research');
    await expect(create(division(), '  research ')).rejects.toEqual(
      new NameTakenError('DIVISION', '  research '),
    );
    const g = group(d1);
    await create(g, 'Research');
    await expect(create(group(d1), 'RESEARCH')).rejects.toMatchObject({
      entity: 'GROUP',
      takenName: 'RESEARCH',
    });
    expect(await counter(hierarchyKeys.node(tenantId, d1), 'childCount')).toBe(1);
  });

  it('refuses a child under a parent that does not exist', async () => {
    const parent = division();
    await expect(create(group(parent))).rejects.toEqual(new ItemMissingError('DIVISION', parent.divisionId));
  });

  it('lets exactly one of two concurrent creates take the last of the 100 child places', async () => {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tables.tenants,
        Key: tenantKeys.tenant(tenantId),
        UpdateExpression: 'SET divisionCount = :n',
        ExpressionAttributeValues: { ':n': 99 },
      }),
    );
    const results = await Promise.allSettled([create(division()), create(division())]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(LimitReachedError);
    expect(rejected?.reason).toMatchObject({ what: 'CHILDREN', limit: 100, details: { level: 'DIVISION' } });
    expect(await counter(tenantKeys.tenant(tenantId), 'divisionCount')).toBe(100);
  });

  it('lists the children of one parent in name order, without grandchildren', async () => {
    const d = division();
    await create(d, 'Ops');
    const [gb, ga] = [group(d), group(d)];
    await create(gb, 'beta');
    await create(ga, 'Alpha');
    await create(team(ga), 'Team under alpha');
    const page = await hierarchy.listChildren(tenantId, d, { pageSize: 10 });
    expect(page.items.map((node) => node.name)).toEqual(['Alpha', 'beta']);
    const first = await hierarchy.listChildren(tenantId, d, { pageSize: 1 });
    const second = await hierarchy.listChildren(tenantId, d, {
      pageSize: 1,
      startAt: first.nextStartAt ?? undefined,
    });
    expect(second.items.map((node) => node.name)).toEqual(['beta']);
    await expect(
      hierarchy.listChildren(tenantId, null, { pageSize: 1, startAt: first.nextStartAt ?? undefined }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('renames by moving the name guard, and checks the version', async () => {
    const d = division();
    const node = await create(d, 'Old name');
    await create(division(), 'Taken');
    await expect(
      hierarchy.update(node, 1, { name: 'taken' }, 'tester', buildAuditEvent({ tenantId })),
    ).rejects.toMatchObject({ entity: 'DIVISION', takenName: 'taken' });
    const renamed = await hierarchy.update(
      node,
      1,
      { name: 'New name', description: 'x' },
      'tester',
      buildAuditEvent({ tenantId }),
    );
    expect(renamed).toMatchObject({ name: 'New name', description: 'x', version: 2 });
    await expect(
      hierarchy.update(node, 1, { name: 'Other' }, 'tester', buildAuditEvent({ tenantId })),
    ).rejects.toEqual(new VersionConflictError(1, 2));
    await create(division(), 'old name');
  });

  it('refuses to delete a node with children or a team with members, unless the subtree goes', async () => {
    const d = division();
    const dNode = await create(d);
    const g = group(d);
    await create(g);
    const t = team(g);
    const tNode = await create(t);
    const member = buildMember({ tenantId, teamIds: [t.teamId] });
    await members.add(member, buildAuditEvent({ tenantId }), [t]);

    await expect(hierarchy.delete(dNode, 1, buildAuditEvent({ tenantId }))).rejects.toEqual(
      new HasChildrenError('DIVISION'),
    );
    await expect(
      hierarchy.delete({ ...tNode, memberCount: 1 }, 1, buildAuditEvent({ tenantId })),
    ).rejects.toEqual(new HasChildrenError('TEAM'));

    const deleted = await hierarchy.deleteSubtree(
      dNode,
      1,
      buildAuditEvent({ tenantId, action: 'DIVISION_DELETED' }),
    );
    expect(deleted).toEqual({ groups: 1, teams: 1, teamAssignments: 1 });
    expect((await hierarchy.tree(tenantId)).divisions).toEqual([]);
    expect(await hierarchy.findTeams(tenantId, [t.teamId])).toEqual(new Map());
    expect((await members.get(tenantId, member.userId))?.teamIds).toEqual([]);
    expect((await members.listByTeam(tenantId, t.teamId, { pageSize: 10 })).items).toEqual([]);
    expect(await counter(tenantKeys.tenant(tenantId), 'divisionCount')).toBe(0);
    await create(division(), dNode.name);
  });

  it('deletes an empty node and frees its name and its place under the parent', async () => {
    const d = division();
    const node = await create(d, 'Short-lived');
    await hierarchy.delete(node, 1, buildAuditEvent({ tenantId }));
    expect(await hierarchy.get(tenantId, d)).toBeNull();
    expect(await counter(tenantKeys.tenant(tenantId), 'divisionCount')).toBe(0);
    await create(division(), 'short-lived');
  });

  it('refuses a cascade that does not fit in one transaction', async () => {
    const d = division();
    await create(d);
    const g = group(d);
    const gNode = await create(g);
    for (let i = 0; i < 34; i += 1) await create(team(g));
    const stored = (await hierarchy.get(tenantId, g)) as HierarchyNode;
    await expect(
      hierarchy.deleteSubtree(stored, stored.version, buildAuditEvent({ tenantId })),
    ).rejects.toMatchObject({
      what: 'TRANSACTION_ITEMS',
      limit: 100,
    });
    expect(await hierarchy.get(tenantId, g)).toMatchObject({ name: gNode.name, childCount: 34 });
  });
});
