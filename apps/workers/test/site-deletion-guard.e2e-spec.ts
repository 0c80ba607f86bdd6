import { OperationDao } from '@bbws/data-access-operations';
import { SiteDao, type Site } from '@bbws/data-access-sites';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { subdomainGuardRelease } from '../src/site-deletion/subdomain-guard.choice';

/** Which guard mode the deletion worker picks for a site of a promotion lineage (DynamoDB Local). */
describe('workers: the subdomain guard of a deleted site', () => {
  const db = testDynamoContext();
  const sites = new SiteDao(db);
  const operations = new OperationDao(db);

  /** A DEV site holding the guard, and its SIT promotion target sharing the subdomain. */
  async function lineage(): Promise<{ dev: Site; sit: Site }> {
    const dev = buildSite({ status: 'ACTIVE' });
    await sites.create(dev, 5);
    const sit = buildSite({
      tenantId: dev.tenantId,
      subdomain: dev.subdomain,
      environment: 'SIT',
      status: 'ACTIVE',
      promotedFromSiteId: dev.siteId,
    });
    await operations.createWithLock(
      buildOperation({ tenantId: dev.tenantId, resourceId: sit.siteId }),
      sites.createPromotionTargetWrites(sit, 5),
    );
    return { dev, sit };
  }

  it('frees the subdomain of a site alone with it', async () => {
    const site = buildSite({ status: 'ACTIVE' });
    await sites.create(site, 5);
    expect(await subdomainGuardRelease(sites, site)).toEqual({ release: true });
  });

  it('hands the guard to the live lineage site when the holder goes, and keeps it when another site goes', async () => {
    const { dev, sit } = await lineage();
    expect(await subdomainGuardRelease(sites, sit)).toEqual({ keep: true });
    expect(await subdomainGuardRelease(sites, dev)).toEqual({ handOverTo: sit.siteId });

    await sites.markDeleted(dev, dev.version, { handOverTo: sit.siteId });
    // The last live site of the lineage frees it (the DELETED one does not count).
    expect(await subdomainGuardRelease(sites, sit)).toEqual({ release: true });
    await sites.markDeleted(sit, sit.version, await subdomainGuardRelease(sites, sit));
    expect(await sites.subdomainHolder(dev.subdomain)).toBeNull();
  });
});
