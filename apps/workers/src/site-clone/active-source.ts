import type { SiteNetwork, SiteOnNetwork } from '../sites/site-network';
import { SourceSiteNotActiveError } from './site-clone.errors';

/** The site a clone or a promotion copies: it must be ACTIVE on its network (else the operation fails). */
export async function activeSource(
  network: Pick<SiteNetwork, 'load' | 'locate'>,
  tenantId: string,
  siteId: string,
): Promise<{ source: SiteOnNetwork; wpSiteId: number }> {
  const site = await network.load(tenantId, siteId);
  if (site.status !== 'ACTIVE' || site.wpSiteId === null)
    throw new SourceSiteNotActiveError(site.siteId, site.status);
  return { source: await network.locate(tenantId, siteId), wpSiteId: site.wpSiteId };
}
