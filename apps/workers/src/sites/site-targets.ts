import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { SiteRef, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { SiteInstanceNotReadyError, SiteMissingError } from './site-creation.errors';
import { SiteNotOnNetworkError } from '../site-backups/site-backup.errors';

/** A site with the instance serving it, that instance's network and the site's blog on it. */
export interface SiteTarget {
  site: Site;
  instance: Instance;
  connection: WordPressConnection;
  ref: SiteRef;
}

/** Finds the sites the site operations act on, and their blogs through the instance's agent. */
export class SiteTargets {
  constructor(
    private readonly sites: Pick<SiteDao, 'get'>,
    private readonly instances: Pick<InstanceDao, 'get'>,
    private readonly agents: InstanceAgentAccess,
  ) {}

  async site(tenantId: string, siteId: string): Promise<Site> {
    const site = await this.sites.get(tenantId, siteId);
    if (!site) throw new SiteMissingError(siteId);
    return site;
  }

  /** The site's instance as recorded on it; null when the instance is gone (deprovisioned, replaced). */
  async instanceOf(site: Site): Promise<Instance | null> {
    const instance = await this.instances.get(site.tenantId, site.environment);
    return instance?.instanceId === site.instanceId ? instance : null;
  }

  /** Failures: SiteMissingError, SiteInstanceNotReadyError (no instance), SiteNotOnNetworkError (no blog). */
  async load(tenantId: string, siteId: string): Promise<SiteTarget> {
    return this.connect(await this.site(tenantId, siteId));
  }

  /**
   * `site` on its instance's network. Failures: SiteInstanceNotReadyError (no instance, or one not ACTIVE
   * when `activeInstance`), SiteNotOnNetworkError (no blog).
   */
  async connect(site: Site, options: { activeInstance?: boolean } = {}): Promise<SiteTarget> {
    const instance = await this.instanceOf(site);
    if (!instance) throw new SiteInstanceNotReadyError(site.instanceId, null);
    if (options.activeInstance && instance.status !== 'ACTIVE')
      throw new SiteInstanceNotReadyError(instance.instanceId, instance.status);
    if (site.wpSiteId === null) throw new SiteNotOnNetworkError(site.siteId);
    return {
      site,
      instance,
      connection: await connectionOf(this.agents, instance),
      ref: { blogId: site.wpSiteId, host: new URL(site.siteUrl).hostname },
    };
  }
}
