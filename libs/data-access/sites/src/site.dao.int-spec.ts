import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { OperationDao } from '@bbws/data-access-operations';
import { AlreadyExistsError, ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SiteDao } from './site.dao';
import { QuotaExceededError, SiteStatusChangedError, SubdomainTakenError } from './site.errors';
import { siteKeys } from './site.keys';

const db = testDynamoContext();
const dao = new SiteDao(db);

async function raw(key: { PK: string; SK: string }) {
  return (await db.client.send(new GetCommand({ TableName: db.tables.sites, Key: key }))).Item;
}

describe('SiteDao against DynamoDB Local', () => {
  it('stores the site with its index keys, its subdomain guard and a counted quota slot', async () => {
    const site = buildSite();
    await dao.create(site, 5);
    expect(await dao.get(site.tenantId, site.siteId)).toEqual(site);
    expect(await dao.getById(site.siteId)).toEqual(site);
    expect(await dao.get(newId('tenant'), site.siteId)).toBeNull();
    expect(await raw(siteKeys.site(site.tenantId, site.siteId))).toMatchObject({
      entityType: 'SITE',
      schemaVersion: 1,
      GSI1PK: `SITE#${site.siteId}`,
      GSI1SK: 'SITE',
      GSI2PK: 'SITES#DEV#PROVISIONING',
      GSI2SK: `${site.updatedAt}#${site.siteId}`,
      GSI3PK: `INSTANCE#${site.instanceId}`,
      GSI3SK: `SITE#${site.siteId}`,
    });
    expect(await raw(siteKeys.subdomainGuard(site.subdomain))).toMatchObject({
      entityType: 'SUBDOMAIN_GUARD',
      tenantId: site.tenantId,
      siteId: site.siteId,
    });
    expect(await dao.subdomainHolder(site.subdomain)).toEqual({
      tenantId: site.tenantId,
      siteId: site.siteId,
    });
    expect(await raw(siteKeys.siteCount(site.tenantId, 'DEV'))).toMatchObject({
      entityType: 'SITE_COUNT',
      count: 1,
    });
    expect(await dao.countLive(site.tenantId, 'SIT')).toBe(0);
  });

  it('rejects a subdomain another tenant already uses, writing nothing', async () => {
    const first = buildSite();
    await dao.create(first, 5);
    const clash = buildSite({ subdomain: first.subdomain });
    await expect(dao.create(clash, 5)).rejects.toEqual(new SubdomainTakenError(first.subdomain));
    expect(await dao.get(clash.tenantId, clash.siteId)).toBeNull();
    expect(await dao.countLive(clash.tenantId, 'DEV')).toBe(0);
    expect(await dao.subdomainHolder(first.subdomain)).toEqual({
      tenantId: first.tenantId,
      siteId: first.siteId,
    });
  });

  it('refuses a site beyond the quota of its environment, counting environments apart', async () => {
    const tenantId = newId('tenant');
    await dao.create(buildSite({ tenantId }), 2);
    await dao.create(buildSite({ tenantId }), 2);
    const third = buildSite({ tenantId });
    await expect(dao.create(third, 2)).rejects.toEqual(new QuotaExceededError('DEV', 2, 2));
    expect(await dao.get(tenantId, third.siteId)).toBeNull();
    expect(await dao.subdomainHolder(third.subdomain)).toBeNull();
    expect(await dao.countLive(tenantId, 'DEV')).toBe(2);
    await dao.create(buildSite({ tenantId, environment: 'SIT' }), 2);
    expect(await dao.countLive(tenantId, 'SIT')).toBe(1);
    await expect(dao.create(buildSite(), 0)).rejects.toBeInstanceOf(QuotaExceededError);
  });

  it('refuses a second site with the same id', async () => {
    const site = buildSite();
    await dao.create(site, 5);
    await expect(dao.create({ ...site, subdomain: `${site.subdomain}x` }, 5)).rejects.toEqual(
      new AlreadyExistsError('SITE', site.siteId),
    );
    expect(await dao.countLive(site.tenantId, 'DEV')).toBe(1);
  });

  it('commits the creation inside the operation launcher transaction, all or nothing', async () => {
    const operations = new OperationDao(db);
    const site = buildSite();
    const operation = buildOperation({ tenantId: site.tenantId, resourceId: site.siteId });
    await operations.createWithLock(operation, dao.createWrites(site, 5));
    expect(await dao.get(site.tenantId, site.siteId)).toEqual(site);

    const clash = buildSite({ subdomain: site.subdomain });
    const second = buildOperation({ tenantId: clash.tenantId, resourceId: clash.siteId });
    await expect(operations.createWithLock(second, dao.createWrites(clash, 5))).rejects.toEqual(
      new SubdomainTakenError(site.subdomain),
    );
    expect(await operations.get(second.operationId)).toBeNull();

    const full = buildSite();
    const third = buildOperation({ tenantId: full.tenantId, resourceId: full.siteId });
    await expect(operations.createWithLock(third, dao.createWrites(full, 0))).rejects.toEqual(
      new QuotaExceededError('DEV', 0, 0),
    );
    expect(await operations.get(third.operationId)).toBeNull();
    expect(await dao.get(full.tenantId, full.siteId)).toBeNull();
  });

  it('changes fields on the expected version and status, merging the configuration', async () => {
    const site = buildSite({ configuration: { title: 'Shop', tagline: 'Old' } });
    await dao.create(site, 5);
    const active = await dao.change(site, {
      expectedVersion: 1,
      expectedStatuses: ['PROVISIONING'],
      changes: { status: 'ACTIVE', wpSiteId: 7, configuration: { tagline: 'New' } },
    });
    expect(active).toMatchObject({ status: 'ACTIVE', wpSiteId: 7, version: 2 });
    expect(active.configuration).toEqual({ title: 'Shop', tagline: 'New' });
    expect(await dao.get(site.tenantId, site.siteId)).toEqual(active);
    expect(await raw(siteKeys.site(site.tenantId, site.siteId))).toMatchObject({
      GSI2PK: 'SITES#DEV#ACTIVE',
      GSI2SK: `${active.updatedAt}#${site.siteId}`,
    });

    await expect(dao.change(site, { expectedVersion: 1, changes: { siteName: 'X' } })).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    await expect(
      dao.change(active, {
        expectedVersion: 2,
        expectedStatuses: ['SUSPENDED'],
        changes: { status: 'ACTIVE' },
      }),
    ).rejects.toEqual(new SiteStatusChangedError('ACTIVE', ['SUSPENDED']));
    await expect(
      dao.change(buildSite(), { expectedVersion: 1, changes: { healthStatus: 'HEALTHY' } }),
    ).rejects.toBeInstanceOf(ItemMissingError);
    expect(await dao.get(site.tenantId, site.siteId)).toEqual(active);
  });

  it('commits a change inside another store’s transaction', async () => {
    const operations = new OperationDao(db);
    const site = buildSite();
    await dao.create(site, 5);
    const operation = buildOperation({ tenantId: site.tenantId, resourceId: site.siteId });
    await operations.createWithLock(
      operation,
      dao.changeWrites(site, { expectedVersion: 1, changes: { status: 'DEPROVISIONING' } }),
    );
    expect((await dao.get(site.tenantId, site.siteId))?.status).toBe('DEPROVISIONING');
    const stale = buildOperation({ tenantId: site.tenantId, resourceId: newId('site') });
    await expect(
      operations.createWithLock(
        stale,
        dao.changeWrites(site, { expectedVersion: 1, changes: { siteName: 'X' } }),
      ),
    ).rejects.toEqual(new VersionConflictError(1, 2));
    expect(await operations.get(stale.operationId)).toBeNull();
  });

  it('marks a site DELETED for good: the record kept, its subdomain and quota slot freed', async () => {
    const tenantId = newId('tenant');
    const site = buildSite({ tenantId });
    await dao.create(site, 1);
    await expect(dao.create(buildSite({ tenantId }), 1)).rejects.toBeInstanceOf(QuotaExceededError);

    const deleted = await dao.markDeleted(site, 1);
    expect(deleted).toMatchObject({ status: 'DELETED', version: 2 });
    expect(await dao.get(tenantId, site.siteId)).toEqual(deleted);
    expect(await dao.subdomainHolder(site.subdomain)).toBeNull();
    expect(await dao.countLive(tenantId, 'DEV')).toBe(0);
    expect(await raw(siteKeys.site(tenantId, site.siteId))).toMatchObject({ GSI2PK: 'SITES#DEV#DELETED' });

    await expect(dao.markDeleted(deleted, 2)).rejects.toEqual(
      new SiteStatusChangedError('DELETED', [
        'PROVISIONING',
        'ACTIVE',
        'FAILED',
        'SUSPENDED',
        'DEPROVISIONING',
      ]),
    );
    await expect(
      dao.change(deleted, { expectedVersion: 2, changes: { status: 'ACTIVE' } }),
    ).rejects.toBeInstanceOf(SiteStatusChangedError);
    expect(await dao.countLive(tenantId, 'DEV')).toBe(0);

    const again = buildSite({ subdomain: site.subdomain });
    await dao.create(again, 1);
    await dao.create(buildSite({ tenantId }), 1);
    expect(await dao.subdomainHolder(site.subdomain)).toEqual({
      tenantId: again.tenantId,
      siteId: again.siteId,
    });
  });

  it('leaves everything as it was when the deletion is stale', async () => {
    const site = buildSite();
    await dao.create(site, 5);
    const active = await dao.change(site, { expectedVersion: 1, changes: { status: 'ACTIVE' } });
    const operations = new OperationDao(db);
    const operation = buildOperation({ tenantId: site.tenantId, resourceId: site.siteId });
    await expect(operations.createWithLock(operation, dao.markDeletedWrites(site, 1))).rejects.toEqual(
      new VersionConflictError(1, 2),
    );
    expect(await dao.get(site.tenantId, site.siteId)).toEqual(active);
    expect(await dao.subdomainHolder(site.subdomain)).not.toBeNull();
    expect(await dao.countLive(site.tenantId, 'DEV')).toBe(1);
  });
});
