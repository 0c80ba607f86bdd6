import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { OperationDao } from '@bbws/data-access-operations';
import { ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { InstanceDao } from './instance.dao';
import { InstanceExistsError, InstanceGuardTakenError, InstanceStatusChangedError } from './instance.errors';
import { instanceKeys } from './instance.keys';
import { InstanceReaderDao } from './instance-reader.dao';
import { RuntimeLookupDao } from './runtime-lookup.dao';

const db = testDynamoContext();
const dao = new InstanceDao(db);
const lookups = new RuntimeLookupDao(db);

async function raw(key: { PK: string; SK: string }) {
  return (await db.client.send(new GetCommand({ TableName: db.tables.instances, Key: key }))).Item;
}

describe('InstanceDao against DynamoDB Local', () => {
  it('stores the instance with its slug guard, priority reservation and index keys', async () => {
    const instance = buildInstance();
    await dao.create(instance);
    expect(await dao.get(instance.tenantId, 'DEV')).toEqual(instance);
    expect(await dao.getById(instance.instanceId)).toEqual(instance);
    expect(await dao.getInTenant(instance.tenantId, instance.instanceId)).toEqual(instance);
    expect(await dao.getInTenant(newId('tenant'), instance.instanceId)).toBeNull();
    expect(await raw(instanceKeys.instance(instance.tenantId, 'DEV'))).toMatchObject({
      entityType: 'INSTANCE',
      schemaVersion: 1,
      GSI1PK: `INSTANCE#${instance.instanceId}`,
      GSI1SK: 'INSTANCE',
      GSI2PK: 'INSTANCES#DEV#PENDING_PROVISIONING',
      GSI2SK: `${instance.updatedAt}#${instance.tenantId}`,
    });
    expect(await raw(instanceKeys.slugGuard('DEV', instance.slug))).toMatchObject({
      entityType: 'SLUG_GUARD',
      instanceId: instance.instanceId,
    });
    expect(
      await raw(instanceKeys.priorityGuard('DEV', instance.resources.listenerRulePriority)),
    ).toMatchObject({ entityType: 'PRIORITY_GUARD', instanceId: instance.instanceId });
  });

  it('refuses a second instance of a tenant in one environment, and a taken slug or priority, writing nothing', async () => {
    const first = buildInstance();
    await dao.create(first);
    const sameEnvironment = buildInstance({ tenantId: first.tenantId });
    await expect(dao.create(sameEnvironment)).rejects.toEqual(
      expect.objectContaining({ constructor: InstanceExistsError, existingInstanceId: first.instanceId }),
    );
    expect(await raw(instanceKeys.slugGuard('DEV', sameEnvironment.slug))).toBeUndefined();

    const sameSlug = buildInstance({ slug: first.slug });
    await expect(dao.create(sameSlug)).rejects.toEqual(new InstanceGuardTakenError('SLUG', first.slug));
    expect(await dao.get(sameSlug.tenantId, 'DEV')).toBeNull();

    const priority = first.resources.listenerRulePriority;
    const samePriority = buildInstance();
    samePriority.resources = { ...samePriority.resources, listenerRulePriority: priority };
    await expect(dao.create(samePriority)).rejects.toEqual(
      new InstanceGuardTakenError('PRIORITY', String(priority)),
    );
    // Another environment has slugs and priorities of its own.
    await dao.create({
      ...buildInstance({ environment: 'SIT', slug: first.slug }),
      resources: { ...first.resources, listenerRulePriority: priority },
    });
  });

  it('commits the creation inside the operation launcher transaction, all or nothing', async () => {
    const operations = new OperationDao(db);
    const instance = buildInstance();
    const operation = buildOperation({ tenantId: instance.tenantId, resourceId: instance.instanceId });
    await operations.createWithLock(operation, dao.createWrites(instance));
    expect(await dao.get(instance.tenantId, 'DEV')).toEqual(instance);

    const clash = buildInstance({ tenantId: instance.tenantId });
    const second = buildOperation({ tenantId: instance.tenantId, resourceId: clash.instanceId });
    await expect(operations.createWithLock(second, dao.createWrites(clash))).rejects.toBeInstanceOf(
      InstanceExistsError,
    );
    expect(await operations.get(second.operationId)).toBeNull();
  });

  it('lists a tenant’s instances and one environment’s fleet by status', async () => {
    const dev = buildInstance();
    const prod = buildInstance({ tenantId: dev.tenantId, environment: 'PROD' });
    await dao.create(dev);
    await dao.create(prod);
    const listed = await dao.listByTenant(dev.tenantId);
    expect(listed.map((i) => i.environment).sort()).toEqual(['DEV', 'PROD']);
    const fleet = await dao.listFleet('PROD', 'PENDING_PROVISIONING', { pageSize: 100 });
    expect(fleet.items.map((i) => i.instanceId)).toContain(prod.instanceId);
  });

  it('changes fields on the expected version and status, merging gitOps and resources', async () => {
    const instance = buildInstance();
    await dao.create(instance);
    const committing = await dao.change(instance, {
      expectedVersion: 1,
      expectedStatuses: ['PENDING_PROVISIONING'],
      changes: {
        status: 'COMMITTING',
        gitOps: { lastCommitSha: 'abc123' },
        resources: { listenerRuleArn: 'arn:rule' },
      },
    });
    expect(committing).toMatchObject({ status: 'COMMITTING', version: 2 });
    const stored = await dao.get(instance.tenantId, 'DEV');
    expect(stored).toEqual(committing);
    expect(stored?.gitOps).toEqual({ ...instance.gitOps, lastCommitSha: 'abc123' });
    expect(stored?.resources.serviceName).toBe(instance.resources.serviceName);
    expect(await raw(instanceKeys.instance(instance.tenantId, 'DEV'))).toMatchObject({
      GSI2PK: 'INSTANCES#DEV#COMMITTING',
    });

    await expect(dao.change(instance, { expectedVersion: 1, changes: { status: 'ACTIVE' } })).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    await expect(
      dao.change(committing, {
        expectedVersion: 2,
        expectedStatuses: ['ACTIVE'],
        changes: { status: 'SCALING' },
      }),
    ).rejects.toEqual(new InstanceStatusChangedError('COMMITTING', ['ACTIVE']));
    const missing = buildInstance();
    await expect(
      dao.change(missing, { expectedVersion: 1, changes: { runningCount: 2 } }),
    ).rejects.toBeInstanceOf(ItemMissingError);
    expect(await dao.get(instance.tenantId, 'DEV')).toEqual(committing);
  });

  it('maps a service to its instance through the runtime lookup', async () => {
    const instance = buildInstance();
    await lookups.put(instance);
    await lookups.put(instance);
    expect(await lookups.find('DEV', instance.resources.serviceName)).toEqual({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: 'DEV',
      serviceName: instance.resources.serviceName,
    });
    await lookups.delete('DEV', instance.resources.serviceName);
    expect(await lookups.find('DEV', instance.resources.serviceName)).toBeNull();
  });

  it('releases the guards on DEPROVISIONED, so the slug is free and the environment takes a new instance', async () => {
    const instance = buildInstance();
    await dao.create(instance);
    await lookups.put(instance);
    const gone = await dao.markDeprovisioned(instance, 1);
    expect(gone).toMatchObject({ status: 'DEPROVISIONED', version: 2 });
    expect(await raw(instanceKeys.slugGuard('DEV', instance.slug))).toBeUndefined();
    expect(
      await raw(instanceKeys.priorityGuard('DEV', instance.resources.listenerRulePriority)),
    ).toBeUndefined();
    expect(await lookups.find('DEV', instance.resources.serviceName)).toBeNull();
    expect(await new InstanceReaderDao(db).tenantHasLiveInstances(instance.tenantId)).toBe(false);

    const again = buildInstance({ tenantId: instance.tenantId, slug: instance.slug });
    await dao.create(again);
    expect(await dao.get(instance.tenantId, 'DEV')).toEqual(again);
    expect(await new InstanceReaderDao(db).tenantHasLiveInstances(instance.tenantId)).toBe(true);
  });
});
