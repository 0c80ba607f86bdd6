import type { Site, SiteDao, SubdomainGuardRelease } from '@bbws/data-access-sites';

/**
 * What a deleted site does with its subdomain's guard. The sites of a promotion lineage share one
 * subdomain across environments and one guard: another site of the lineage holding it keeps it; when
 * this site holds it, another live site of the tenant with the subdomain takes it over; else it is freed.
 */
export async function subdomainGuardRelease(
  sites: Pick<SiteDao, 'subdomainHolder' | 'listByTenant'>,
  site: Site,
): Promise<SubdomainGuardRelease> {
  const holder = await sites.subdomainHolder(site.subdomain);
  if (!holder) return { release: true };
  if (holder.siteId !== site.siteId) return { keep: true };
  let startAt: string | undefined;
  do {
    const page = await sites.listByTenant(
      site.tenantId,
      { subdomain: site.subdomain },
      { pageSize: 25, ...(startAt ? { startAt } : {}) },
    );
    const heir = page.items.find((other) => other.siteId !== site.siteId && other.status !== 'DELETED');
    if (heir) return { handOverTo: heir.siteId };
    startAt = page.nextStartAt ?? undefined;
  } while (startAt);
  return { release: true };
}
