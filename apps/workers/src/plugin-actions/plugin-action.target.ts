import type { InstanceDao } from '@bbws/data-access-instances';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { SiteRef, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { SiteInstanceNotReadyError, SiteMissingError } from '../sites/site-creation.errors';
import { PluginSiteNotActiveError } from './plugin-action.errors';

/** The ACTIVE site a plugin action runs on, with its network's connection and its blog. */
export interface PluginActionTarget {
  site: Site;
  connection: WordPressConnection;
  ref: SiteRef;
}

/** Loads a plugin action's site (ACTIVE, on a network site) and its instance's agent connection. */
export class PluginActionTargets {
  constructor(
    private readonly sites: Pick<SiteDao, 'get'>,
    private readonly instances: Pick<InstanceDao, 'get'>,
    private readonly agents: InstanceAgentAccess,
  ) {}

  async load(tenantId: string, siteId: string): Promise<PluginActionTarget> {
    const site = await this.sites.get(tenantId, siteId);
    if (!site) throw new SiteMissingError(siteId);
    if (site.status !== 'ACTIVE' || site.wpSiteId === null)
      throw new PluginSiteNotActiveError(siteId, site.status);
    const instance = await this.instances.get(tenantId, site.environment);
    if (!instance || instance.instanceId !== site.instanceId)
      throw new SiteInstanceNotReadyError(site.instanceId, null);
    if (instance.status !== 'ACTIVE')
      throw new SiteInstanceNotReadyError(instance.instanceId, instance.status);
    return {
      site,
      connection: await connectionOf(this.agents, instance),
      ref: { blogId: site.wpSiteId, host: new URL(site.siteUrl).hostname },
    };
  }
}
