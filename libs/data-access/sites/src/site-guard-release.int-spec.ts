import { OperationDao } from '@bbws/data-access-operations';
import { ConcurrentChangeError } from '@bbws/shared-errors';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import type { Site } from './site.entity';
import { SiteDao } from './site.dao';

const db = testDynamoContext();
const dao = new SiteDao(db);
const operations = new OperationDao(db);

/** A DEV site and its SIT promotion target: one subdomain, one guard, held by the DEV site. */
async function lineage(): Promise<{ dev: Site; sit: Site }> {
  const dev = buildSite({ status: 'ACTIVE' });
  await dao.create(dev, 5);
  const sit = buildSite({
    tenantId: dev.tenantId,
    subdomain: dev.subdomain,
    environment: 'SIT',
    status: 'ACTIVE',
    promotedFromSiteId: dev.siteId,
  });
  const operation = buildOperation({ tenantId: dev.tenantId, resourceId: sit.siteId });
  await operations.createWithLock(operation, dao.createPromotionTargetWrites(sit, 5));
  return { dev, sit };
}

/** Everything a deletion touches, to show a refused one changed nothing. */
async function state(site: Site) {
  return {
    site: await dao.get(site.tenantId, site.siteId),
    holder: await dao.subdomainHolder(site.subdomain),
    count: await dao.countLive(site.tenantId, site.environment),
  };
}

describe('SiteDao.markDeleted: what a deleted site does with its subdomain guard', () => {
  it('release: frees the guard it holds; refused, changing nothing, when the guard names another site', async () => {
    const { dev, sit } = await lineage();
    const before = await state(sit);
    await expect(dao.markDeleted(sit, sit.version, { release: true })).rejects.toBeInstanceOf(
      ConcurrentChangeError,
    );
    expect(await state(sit)).toEqual(before);

    const alone = buildSite({ status: 'ACTIVE' });
    await dao.create(alone, 5);
    await dao.markDeleted(alone, alone.version, { release: true });
    expect(await state(alone)).toMatchObject({ site: { status: 'DELETED' }, holder: null, count: 0 });
    expect(await dao.subdomainHolder(dev.subdomain)).toEqual({ tenantId: dev.tenantId, siteId: dev.siteId });
  });

  it('handOverTo: the guard passes to the lineage site that stays; refused when the guard names another site', async () => {
    const { dev, sit } = await lineage();
    const before = await state(sit);
    await expect(dao.markDeleted(sit, sit.version, { handOverTo: dev.siteId })).rejects.toBeInstanceOf(
      ConcurrentChangeError,
    );
    expect(await state(sit)).toEqual(before);

    const deleted = await dao.markDeleted(dev, dev.version, { handOverTo: sit.siteId });
    expect(deleted).toMatchObject({ status: 'DELETED', version: dev.version + 1 });
    expect(await state(dev)).toMatchObject({
      site: { status: 'DELETED' },
      holder: { tenantId: dev.tenantId, siteId: sit.siteId },
      count: 0,
    });
    // The subdomain stays taken for everyone else while the SIT site lives.
    await expect(dao.create(buildSite({ subdomain: dev.subdomain }), 5)).rejects.toMatchObject({
      subdomain: dev.subdomain,
    });
  });

  it('keep: the site is deleted and the guard is left to the lineage site that holds it', async () => {
    const { dev, sit } = await lineage();
    await dao.markDeleted(sit, sit.version, { keep: true });
    expect(await state(sit)).toMatchObject({
      site: { status: 'DELETED' },
      holder: { tenantId: dev.tenantId, siteId: dev.siteId },
      count: 0,
    });
    expect(await dao.countLive(dev.tenantId, 'DEV')).toBe(1);
    // Then the last site of the lineage frees it.
    await dao.markDeleted(dev, dev.version, { release: true });
    expect(await dao.subdomainHolder(dev.subdomain)).toBeNull();
  });
});
