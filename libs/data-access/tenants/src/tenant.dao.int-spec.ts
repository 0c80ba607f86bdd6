import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  AlreadyExistsError,
  ItemMissingError,
  NameTakenError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { newId, normalizeName } from '@bbws/shared-util';
import { buildAuditEvent, buildTenant, testDynamoContext } from '@bbws/testing-factories';
import type { Tenant } from './tenant.entity';
import { TenantDao } from './tenant.dao';
import { tenantKeys } from './tenant.keys';

const db = testDynamoContext();
const dao = new TenantDao(db, { auditRetentionDays: 30 });

/** Tenants start PENDING, as the API creates them. */
const pendingTenant = (overrides: Partial<Tenant> = {}): Tenant =>
  buildTenant({ status: 'PENDING', ...overrides });

async function rawItem(key: { PK: string; SK: string }) {
  return (await db.client.send(new GetCommand({ TableName: db.tables.tenants, Key: key }))).Item;
}

describe('TenantDao against DynamoDB Local', () => {
  it('writes the tenant, its name guard and the audit event together, with the index keys', async () => {
    const tenant = pendingTenant();
    await dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId, action: 'TENANT_CREATED' }));
    expect(await dao.get(tenant.tenantId)).toEqual(tenant);
    const item = await rawItem(tenantKeys.tenant(tenant.tenantId));
    expect(item).toMatchObject({
      entityType: 'TENANT',
      schemaVersion: 1,
      GSI1PK: 'TENANTS',
      GSI2PK: 'TENANTS#STATUS#PENDING',
      GSI3PK: 'TENANTS#NAME',
      GSI3SK: normalizeName(tenant.organizationName),
    });
    expect(await rawItem(tenantKeys.orgNameGuard(normalizeName(tenant.organizationName)))).toMatchObject({
      tenantId: tenant.tenantId,
    });
    const audit = await dao.listAudit(tenant.tenantId, { pageSize: 10 });
    expect(audit.items).toEqual([expect.objectContaining({ action: 'TENANT_CREATED' })]);
  });

  it('gives audit items a TTL from the retention setting', async () => {
    const tenant = pendingTenant();
    const event = buildAuditEvent({ tenantId: tenant.tenantId });
    await dao.create(tenant, event);
    const item = await rawItem(tenantKeys.audit(tenant.tenantId, event.timestamp, event.eventId));
    const expected = Math.floor(new Date(event.timestamp).getTime() / 1000) + 30 * 86_400;
    expect(item?.ttl).toBe(expected);
  });

  it('refuses a second tenant with the same normalized name and writes nothing of it', async () => {
    const first = pendingTenant();
    await dao.create(first, buildAuditEvent({ tenantId: first.tenantId }));
    const second = pendingTenant({ organizationName: `  ${first.organizationName.toUpperCase()}  ` });
    await expect(dao.create(second, buildAuditEvent({ tenantId: second.tenantId }))).rejects.toEqual(
      new NameTakenError('ORGANIZATION', second.organizationName),
    );
    expect(await dao.get(second.tenantId)).toBeNull();
    expect((await dao.listAudit(second.tenantId, { pageSize: 10 })).items).toEqual([]);
  });

  it('moves the name guard on rename and rejects a stale version with the current one', async () => {
    const tenant = pendingTenant();
    await dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
    const renamed = await dao.update(
      tenant,
      1,
      { organizationName: `${tenant.organizationName} Renamed` },
      'tester',
      buildAuditEvent({ tenantId: tenant.tenantId }),
    );
    expect(renamed.version).toBe(2);
    expect(await rawItem(tenantKeys.orgNameGuard(normalizeName(tenant.organizationName)))).toBeUndefined();
    expect(await rawItem(tenantKeys.orgNameGuard(normalizeName(renamed.organizationName)))).toBeDefined();
    const stale = dao.update(
      tenant,
      1,
      { contactEmail: 'late@x.example' },
      'tester',
      buildAuditEvent({ tenantId: tenant.tenantId }),
    );
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ expected: 1, current: 2 });
  });

  it('answers NotFound when updating a tenant that does not exist', async () => {
    const ghost = pendingTenant();
    await expect(
      dao.update(
        ghost,
        1,
        { contactEmail: 'x@x.example' },
        'tester',
        buildAuditEvent({ tenantId: ghost.tenantId }),
      ),
    ).rejects.toEqual(new ItemMissingError('TENANT', ghost.tenantId));
  });

  it('moves the tenant between status index partitions', async () => {
    const tenant = pendingTenant();
    await dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
    await dao.changeStatus(
      tenant,
      1,
      'FAILED',
      null,
      'tester',
      buildAuditEvent({ tenantId: tenant.tenantId }),
    );
    const failed = await dao.listByStatus('FAILED', { pageSize: 100 });
    expect(failed.items.map((t) => t.tenantId)).toContain(tenant.tenantId);
    const pending = await dao.listByStatus('PENDING', { pageSize: 100 });
    expect(pending.items.map((t) => t.tenantId)).not.toContain(tenant.tenantId);
  });

  it('reads many tenants by id in the order asked, across batches of 100, skipping unknown ids', async () => {
    const tenants = Array.from({ length: 105 }, () => pendingTenant());
    for (const tenant of tenants) await dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
    const ids = [...tenants.map((t) => t.tenantId)].reverse();
    const found = await dao.getMany([...ids, newId('tenant')]);
    expect(found.map((t) => t.tenantId)).toEqual(ids);
  }, 60_000);

  it('searches names by prefix in alphabetical order with a cursor bound to that list', async () => {
    const stem = `Prefix ${newId('tenant').slice(-8)}`;
    for (const suffix of ['c', 'a', 'b']) {
      const tenant = pendingTenant({ organizationName: `${stem} ${suffix}` });
      await dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
    }
    const first = await dao.listByNamePrefix(stem.toLowerCase(), undefined, { pageSize: 2 });
    expect(first.items.map((t) => t.organizationName)).toEqual([`${stem} a`, `${stem} b`]);
    const second = await dao.listByNamePrefix(stem, undefined, {
      pageSize: 2,
      startAt: first.nextStartAt ?? undefined,
    });
    expect(second.items.map((t) => t.organizationName)).toEqual([`${stem} c`]);
    await expect(dao.listAll({ pageSize: 2, startAt: first.nextStartAt ?? undefined })).rejects.toMatchObject(
      { code: 'VALIDATION_ERROR' },
    );
  });

  it('keeps concurrent creates of one name down to exactly one', async () => {
    const name = `Concurrent ${newId('tenant').slice(-8)}`;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => {
        const tenant = pendingTenant({ organizationName: name });
        return dao.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
      }),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(
      rejected.every((r) => r.reason instanceof NameTakenError || r.reason instanceof AlreadyExistsError),
    ).toBe(true);
  });
});
