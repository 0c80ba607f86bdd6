import type { Site, SiteDao, SiteHealthStatus } from '@bbws/data-access-sites';
import { SiteStatusChangedError } from '@bbws/data-access-sites';
import type { SiteHealthCheck, SiteHealthReport } from '@bbws/integrations-instance-agents';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import { NotFoundError, VersionConflictError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { SiteInstanceNotReadyError, type SiteAgents } from './site-agents';

/** Writes of the health status racing another writer of the site (a worker, a settings change), then skipped. */
const KEEP_ATTEMPTS = 3;

/**
 * GET .../health (members): the live check of an ACTIVE site (its home page through the front door and
 * WordPress's site health through the agent), the result's status kept on the site as `healthStatus`
 * (a conditional write, re-read on a concurrent change, skipped once the site is no longer ACTIVE or after
 * three races). A
 * site that is not ACTIVE, or whose instance is not, is UNKNOWN with a check saying why, without calling
 * WordPress.
 */
export class SiteHealthService {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'change'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly agents: Pick<SiteAgents, 'of'>,
    private readonly health: Pick<SiteHealthCheck, 'check'>,
    private readonly clock: Clock,
  ) {}

  async check(
    caller: Caller,
    tenantId: string,
    siteId: string,
  ): Promise<{ site: Site; report: SiteHealthReport }> {
    await this.access.require(caller, tenantId);
    const site = await this.sites.get(tenantId, siteId);
    if (!site) throw new NotFoundError('SITE', siteId);
    if (site.status !== 'ACTIVE' || site.wpSiteId === null)
      return {
        site,
        report: this.unknown(
          'site_status',
          `The site is ${site.status}; its health is checked while it is ACTIVE`,
        ),
      };
    let agent;
    try {
      agent = await this.agents.of({ ...site, wpSiteId: site.wpSiteId });
    } catch (error) {
      if (!(error instanceof SiteInstanceNotReadyError)) throw error;
      return { site, report: this.unknown('instance', error.message) };
    }
    const report = await this.health.check(agent.connection, agent.ref, site.siteUrl);
    return { site: await this.keep(site, report.status), report };
  }

  private unknown(name: string, message: string): SiteHealthReport {
    return {
      status: 'UNKNOWN',
      checkedAt: this.clock.now().toISOString(),
      responseTimeMs: null,
      checks: [{ name, status: 'WARN', message }],
    };
  }

  private async keep(read: Site, healthStatus: SiteHealthStatus): Promise<Site> {
    let site: Site | null = read;
    for (let attempt = 1; site?.status === 'ACTIVE' && site.healthStatus !== healthStatus; attempt += 1) {
      try {
        return await this.sites.change(site, {
          expectedVersion: site.version,
          expectedStatuses: ['ACTIVE'],
          changes: { healthStatus },
        });
      } catch (error) {
        const raced = error instanceof VersionConflictError || error instanceof SiteStatusChangedError;
        if (!raced) throw error;
        // The check's answer stands; keeping it on a site others keep changing is not worth more tries.
        if (attempt >= KEEP_ATTEMPTS) return read;
        site = await this.sites.get(read.tenantId, read.siteId);
      }
    }
    return site ?? read;
  }
}
