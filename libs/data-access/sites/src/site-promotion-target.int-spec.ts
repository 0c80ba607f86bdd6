import { OperationDao } from '@bbws/data-access-operations';
import { newId } from '@bbws/shared-util';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import type { Site } from './site.entity';
import { SiteDao } from './site.dao';
import { QuotaExceededError, SubdomainTakenError } from './site.errors';

const db = testDynamoContext();
const dao = new SiteDao(db);
const operations = new OperationDao(db);

/** The next environment's site of a promotion lineage: same tenant and subdomain, promoted from `source`. */
function targetOf(source: Site, overrides: Partial<Site> = {}): Site {
  return buildSite({
    tenantId: source.tenantId,
    subdomain: source.subdomain,
    environment: 'SIT',
    promotedFromSiteId: source.siteId,
    ...overrides,
  });
}

/** Launches a promotion that creates `target`, as the sites API does (the operation runs on the source). */
function launch(source: Site, target: Site, quota: number) {
  const operation = buildOperation({ tenantId: source.tenantId, resourceId: source.siteId });
  return {
    operation,
    commit: () => operations.createWithLock(operation, dao.createPromotionTargetWrites(target, quota)),
  };
}

describe('SiteDao.createPromotionTargetWrites against DynamoDB Local', () => {
  it("creates the target with the launch when the tenant holds the subdomain's guard, taking a quota slot", async () => {
    const source = buildSite({ status: 'ACTIVE' });
    await dao.create(source, 5);
    const target = targetOf(source);

    const { operation, commit } = launch(source, target, 5);
    await commit();
    expect(await operations.get(operation.operationId)).toMatchObject({ resourceId: source.siteId });
    expect(await dao.get(target.tenantId, target.siteId)).toEqual(target);
    expect(await dao.countLive(source.tenantId, 'SIT')).toBe(1);
    expect(await dao.countLive(source.tenantId, 'DEV')).toBe(1);
    // The guard stays the source's: both sites of the lineage share the subdomain.
    expect(await dao.subdomainHolder(source.subdomain)).toEqual({
      tenantId: source.tenantId,
      siteId: source.siteId,
    });
    const lineage = await dao.listByTenant(
      source.tenantId,
      { subdomain: source.subdomain },
      { pageSize: 10 },
    );
    expect(lineage.items.map((site) => site.environment).sort()).toEqual(['DEV', 'SIT']);
  });

  it('refuses the target, and launches nothing, when another tenant holds the subdomain', async () => {
    const holder = buildSite();
    await dao.create(holder, 5);
    const intruder = buildSite({ subdomain: holder.subdomain });
    const target = targetOf(intruder);

    const { operation, commit } = launch(intruder, target, 5);
    await expect(commit()).rejects.toEqual(new SubdomainTakenError(holder.subdomain));
    expect(await operations.get(operation.operationId)).toBeNull();
    expect(await dao.get(target.tenantId, target.siteId)).toBeNull();
    expect(await dao.countLive(intruder.tenantId, 'SIT')).toBe(0);
    expect(await dao.subdomainHolder(holder.subdomain)).toEqual({
      tenantId: holder.tenantId,
      siteId: holder.siteId,
    });
  });

  it('refuses the target when nobody holds the subdomain (its lineage was deleted)', async () => {
    const source = buildSite({ subdomain: `gone-${newId('evt').slice(4, 16)}` });
    const target = targetOf(source);

    const { operation, commit } = launch(source, target, 5);
    await expect(commit()).rejects.toEqual(new SubdomainTakenError(source.subdomain));
    expect(await operations.get(operation.operationId)).toBeNull();
    expect(await dao.get(target.tenantId, target.siteId)).toBeNull();
    expect(await dao.subdomainHolder(source.subdomain)).toBeNull();
  });

  it("refuses the target past the tenant's quota in the target environment", async () => {
    const source = buildSite();
    await dao.create(source, 5);
    await dao.create(buildSite({ tenantId: source.tenantId, environment: 'SIT' }), 1);
    const target = targetOf(source);

    const { operation, commit } = launch(source, target, 1);
    await expect(commit()).rejects.toEqual(new QuotaExceededError('SIT', 1, 1));
    expect(await operations.get(operation.operationId)).toBeNull();
    expect(await dao.get(target.tenantId, target.siteId)).toBeNull();
    expect(await dao.countLive(source.tenantId, 'SIT')).toBe(1);
  });
});
