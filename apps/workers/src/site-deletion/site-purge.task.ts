import type { Site, SiteDao } from '@bbws/data-access-sites';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import { newId, type Clock } from '@bbws/shared-util';
import type { WorkerTask } from '../runtime/worker-task';

export interface SitePurgeOptions {
  intervalMs: number;
  /** Soft-deleted sites looked at per tick (one page of the fleet index; the next tick reads on). */
  batchSize: number;
}

/** Who the purge's operations are created by. */
export const SITE_PURGE_ACTOR = 'system:site-purge';

/**
 * Deletes for good the PROD sites soft-deleted more than 24 h ago: one page per tick of the PROD
 * DEPROVISIONING sites (GSI2, a bounded Query; the cursor carries on to the next tick and starts over at
 * the end), and for each whose `purgeAfter` has passed, SITE_DELETION with `force` launched on the
 * condition that the site has not changed since it was read (a restore in between wins). A site with an
 * operation running is left to the next round (the launch is refused by its lock).
 */
export class SitePurgeTask implements WorkerTask {
  readonly name = 'site-purge';
  private cursor: string | undefined;

  constructor(
    private readonly sites: Pick<SiteDao, 'listFleet' | 'changeWrites'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: SitePurgeOptions,
  ) {}

  get intervalMs(): number {
    return this.options.intervalMs;
  }

  async run(): Promise<{ launched: string[] }> {
    const page = await this.sites.listFleet('PROD', 'DEPROVISIONING', {
      pageSize: this.options.batchSize,
      ...(this.cursor ? { startAt: this.cursor } : {}),
    });
    this.cursor = page.nextStartAt ?? undefined;
    const now = this.clock.now().getTime();
    const launched: string[] = [];
    for (const site of page.items) {
      if (site.purgeAfter === null || Date.parse(site.purgeAfter) > now) continue;
      if (await this.purge(site)) launched.push(site.siteId);
    }
    return { launched };
  }

  private async purge(site: Site): Promise<boolean> {
    try {
      const operation = await this.launcher.launch({
        contract: MESSAGES.SITE_DELETION,
        tenantId: site.tenantId,
        resourceType: 'site',
        resourceId: site.siteId,
        createdBy: SITE_PURGE_ACTOR,
        correlationId: newId('evt'),
        payload: { siteId: site.siteId, force: true },
        extra: this.sites.changeWrites(site, {
          expectedVersion: site.version,
          expectedStatuses: ['DEPROVISIONING'],
          changes: {},
        }),
      });
      this.logger.info(
        { siteId: site.siteId, operationId: operation.operationId, purgeAfter: site.purgeAfter },
        'soft-deleted site purged',
      );
      return true;
    } catch (error) {
      this.logger.warn({ err: error, siteId: site.siteId }, 'soft-deleted site not purged this round');
      return false;
    }
  }
}
