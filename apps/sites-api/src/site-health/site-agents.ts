import type { InstanceDao } from '@bbws/data-access-instances';
import type { Site } from '@bbws/data-access-sites';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type { SiteRef, WordPressConnection } from '@bbws/integrations-wordpress-client';
import { BusinessRuleError } from '@bbws/shared-errors';

/** A site's WordPress: its instance's agent connection and its blog on the network. */
export interface SiteAgent {
  connection: WordPressConnection;
  ref: SiteRef;
}

/** The instance serving the site is gone or not ACTIVE: its WordPress is not there to call. */
export class SiteInstanceNotReadyError extends BusinessRuleError {
  constructor(site: Site, instanceStatus: string | null) {
    super('INSTANCE_NOT_READY', `The instance of site ${site.siteId} is ${instanceStatus ?? 'missing'}`, {
      instanceId: site.instanceId,
      instanceStatus,
    });
  }
}

/** Reaches a site's WordPress through its instance's platform agent (sync routes: toggle, config, health). */
export class SiteAgents {
  constructor(
    private readonly instances: Pick<InstanceDao, 'get'>,
    private readonly access: InstanceAgentAccess,
  ) {}

  /** Failure: SiteInstanceNotReadyError (422); the site must have its network blog (ACTIVE sites do). */
  async of(site: Site & { wpSiteId: number }): Promise<SiteAgent> {
    const instance = await this.instances.get(site.tenantId, site.environment);
    if (!instance || instance.instanceId !== site.instanceId) throw new SiteInstanceNotReadyError(site, null);
    if (instance.status !== 'ACTIVE') throw new SiteInstanceNotReadyError(site, instance.status);
    return {
      connection: await connectionOf(this.access, instance),
      ref: { blogId: site.wpSiteId, host: new URL(site.siteUrl).hostname },
    };
  }
}
