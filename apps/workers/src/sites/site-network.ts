import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { SiteRef, WordPressClient, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { UpstreamError } from '@bbws/shared-errors';
import { SiteDomainTakenError, SiteInstanceNotReadyError, SiteMissingError } from './site-creation.errors';

/** A site as stored, the ACTIVE instance serving it and that instance's network (through its agent). */
export interface SiteOnNetwork {
  site: Site;
  instance: Instance;
  connection: WordPressConnection;
  host: string;
}

export interface SiteNetworkDeps {
  sites: Pick<SiteDao, 'get' | 'change'>;
  instances: Pick<InstanceDao, 'get'>;
  agents: InstanceAgentAccess;
  wordpress: Pick<WordPressClient, 'createSite'>;
}

/**
 * The network sites of the platform's sites: where a site lives (its instance, which must be ACTIVE)
 * and its multisite blog, created once: the blog id is recorded on the site before the step that created
 * it completes, so a redelivered operation reuses the blog instead of creating a second one.
 */
export class SiteNetwork {
  constructor(private readonly deps: SiteNetworkDeps) {}

  async load(tenantId: string, siteId: string): Promise<Site> {
    const site = await this.deps.sites.get(tenantId, siteId);
    if (!site) throw new SiteMissingError(siteId);
    return site;
  }

  /** The site with its instance (the tenant's instance of its environment, `instanceId` if given). */
  async locate(tenantId: string, siteId: string, instanceId?: string): Promise<SiteOnNetwork> {
    const site = await this.load(tenantId, siteId);
    const expected = instanceId ?? site.instanceId;
    const instance = await this.deps.instances.get(tenantId, site.environment);
    if (!instance || instance.instanceId !== expected) throw new SiteInstanceNotReadyError(expected, null);
    if (instance.status !== 'ACTIVE')
      throw new SiteInstanceNotReadyError(instance.instanceId, instance.status);
    const connection = await connectionOf(this.deps.agents, instance);
    return { site, instance, connection, host: new URL(site.siteUrl).hostname };
  }

  /**
   * The site's blog: the one recorded, else a new one whose id is recorded on the PROVISIONING site. A blog
   * the network already has at the site's host is this site's own, created by an attempt that stopped
   * before recording it (the host's subdomain is this site's lineage's, and the instance the tenant's): it
   * is adopted, so a worker killed at any point still leaves one network site.
   */
  async ensureBlog(
    target: SiteOnNetwork,
    blog: { title: string; adminEmail: string },
  ): Promise<{ wpSiteId: number }> {
    const site = await this.load(target.site.tenantId, target.site.siteId);
    if (site.wpSiteId !== null) return { wpSiteId: site.wpSiteId };
    let blogId: number;
    try {
      const created = await this.deps.wordpress.createSite(target.connection, {
        domain: target.host,
        title: blog.title,
        adminEmail: blog.adminEmail,
      });
      blogId = created.blogId;
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.code !== 'WORDPRESS_SITE_EXISTS') throw error;
      blogId = adoptable(error) ?? 0;
      if (!blogId) throw new SiteDomainTakenError(target.host);
    }
    await this.deps.sites.change(site, {
      expectedVersion: site.version,
      expectedStatuses: ['PROVISIONING'],
      changes: { wpSiteId: blogId },
    });
    return { wpSiteId: blogId };
  }
}

/** The blog id the agent names in its "site exists" answer, unless it is the network's main site. */
function adoptable(error: UpstreamError): number | null {
  const wordpress = error.details?.wordpress as { blogId?: unknown } | undefined;
  const blogId = wordpress?.blogId;
  return typeof blogId === 'number' && blogId > 1 ? blogId : null;
}

/** The client's reference to a site's blog. */
export function siteRef(target: Pick<SiteOnNetwork, 'host'>, wpSiteId: number): SiteRef {
  return { blogId: wpSiteId, host: target.host };
}
