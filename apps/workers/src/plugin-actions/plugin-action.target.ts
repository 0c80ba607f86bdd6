import type { SiteTarget, SiteTargets } from '../sites/site-targets';
import { PluginSiteNotActiveError } from './plugin-action.errors';

/** The ACTIVE site a plugin action runs on, with its network's connection and its blog. */
export type PluginActionTarget = Pick<SiteTarget, 'site' | 'connection' | 'ref'>;

/** Loads a plugin action's site (ACTIVE, on a network site of an ACTIVE instance) and its agent connection. */
export class PluginActionTargets {
  constructor(private readonly targets: Pick<SiteTargets, 'site' | 'connect'>) {}

  async load(tenantId: string, siteId: string): Promise<PluginActionTarget> {
    const site = await this.targets.site(tenantId, siteId);
    if (site.status !== 'ACTIVE' || site.wpSiteId === null)
      throw new PluginSiteNotActiveError(siteId, site.status);
    return this.targets.connect(site, { activeInstance: true });
  }
}
