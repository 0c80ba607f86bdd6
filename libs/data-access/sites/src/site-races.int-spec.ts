import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SiteDao } from './site.dao';
import { QuotaExceededError, SubdomainTakenError } from './site.errors';

const db = testDynamoContext();
const dao = new SiteDao(db);

describe('SiteDao under concurrent creates against DynamoDB Local', () => {
  it('lets exactly one of two tenants take the same subdomain at once', async () => {
    const contenders = [buildSite(), buildSite()];
    contenders[1].subdomain = contenders[0].subdomain;
    const results = await Promise.allSettled(contenders.map((site) => dao.create(site, 5)));

    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results[1 - won];
    expect(lost).toEqual({ status: 'rejected', reason: new SubdomainTakenError(contenders[0].subdomain) });
    const winner = contenders[won];
    expect(await dao.subdomainHolder(winner.subdomain)).toEqual({
      tenantId: winner.tenantId,
      siteId: winner.siteId,
    });
    expect(await dao.get(contenders[1 - won].tenantId, contenders[1 - won].siteId)).toBeNull();
    expect(await dao.countLive(contenders[1 - won].tenantId, 'DEV')).toBe(0);
  });

  it('lets exactly one of 10 parallel creates take the last quota slot', async () => {
    const tenantId = newId('tenant');
    const quota = 5;
    for (let i = 0; i < quota - 1; i += 1) await dao.create(buildSite({ tenantId }), quota);

    const contenders = Array.from({ length: 10 }, () => buildSite({ tenantId }));
    const results = await Promise.allSettled(contenders.map((site) => dao.create(site, quota)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => r.reason)).toEqual(Array(9).fill(new QuotaExceededError('DEV', quota, quota)));
    expect(await dao.countLive(tenantId, 'DEV')).toBe(quota);
    const listed = await dao.listByTenant(tenantId, {}, { pageSize: 100 });
    expect(listed.items).toHaveLength(quota);
  });

  it('frees a quota slot when a site is deleted, for exactly one of the racing creates', async () => {
    const tenantId = newId('tenant');
    const sites = [buildSite({ tenantId }), buildSite({ tenantId })];
    for (const site of sites) await dao.create(site, 2);
    await dao.markDeleted(sites[0], 1);

    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => dao.create(buildSite({ tenantId }), 2)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await dao.countLive(tenantId, 'DEV')).toBe(2);
  });
});
