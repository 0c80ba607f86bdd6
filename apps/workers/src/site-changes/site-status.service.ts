import type { Site, SiteDao, SiteStatus } from '@bbws/data-access-sites';
import type { SiteStatus as BlogStatus, WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { SiteStatusChangePayload } from '@bbws/shared-contracts';
import { InvalidStatusTransitionError } from '@bbws/shared-errors';
import type { SiteTargets } from '../sites/site-targets';

type Requested = SiteStatusChangePayload['status'];

/** WordPress's flag for each platform status: an archived blog's URL answers 410 "suspended". */
const BLOG_STATUS: Record<Requested, BlogStatus> = { ACTIVE: 'active', SUSPENDED: 'archived' };

/**
 * SITE_STATUS_CHANGE: ACTIVE → SUSPENDED (the blog archived: its URL answers as suspended), SUSPENDED →
 * ACTIVE, and DEPROVISIONING → ACTIVE for a PROD site soft-deleted and not purged yet ("undelete": the
 * blog active again, `purgeAfter` cleared). The status it started from is checkpointed, so a redelivery
 * finishing the change finds the site already moved and does not refuse it.
 */
export class SiteStatusService {
  constructor(
    private readonly targets: SiteTargets,
    private readonly sites: Pick<SiteDao, 'change'>,
    private readonly wordpress: Pick<WordPressClient, 'setSiteStatus'>,
  ) {}

  async change(context: OperationContext<SiteStatusChangePayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const tenantId = context.operation.tenantId;
    await context.plan(['check-transition', 'set-blog-status', 'record-status']);
    const { from } = await context.step('check-transition', async () => ({
      from: transitionFrom(await this.targets.site(tenantId, payload.siteId), payload.status),
    }));
    await context.step('set-blog-status', async () => {
      const target = await this.targets.load(tenantId, payload.siteId);
      const blog = await this.wordpress.setSiteStatus(
        target.connection,
        target.ref,
        BLOG_STATUS[payload.status],
      );
      return { blogStatus: blog.status };
    });
    await context.step('record-status', async () => {
      const current = await this.targets.site(tenantId, payload.siteId);
      if (current.status === payload.status && current.purgeAfter === null) return { changed: false };
      await this.sites.change(current, {
        expectedVersion: current.version,
        expectedStatuses: [from, payload.status],
        changes: { status: payload.status, purgeAfter: null, lastError: null },
      });
      return { changed: true };
    });
    const undeleted = from === 'DEPROVISIONING';
    return {
      result: { siteId: payload.siteId, status: payload.status, previousStatus: from },
      message: undeleted
        ? 'The site is restored and ACTIVE again; it will not be purged'
        : `The site is ${payload.status} (was ${from})`,
    };
  }
}

/** The status the change starts from; refused (422) outside the allowed transitions. */
function transitionFrom(site: Site, requested: Requested): SiteStatus {
  if (site.status === requested && site.purgeAfter === null) return site.status;
  if (requested === 'SUSPENDED' && site.status === 'ACTIVE') return site.status;
  if (requested === 'ACTIVE' && site.status === 'SUSPENDED') return site.status;
  if (requested === 'ACTIVE' && site.status === 'DEPROVISIONING' && site.purgeAfter !== null) {
    return site.status;
  }
  const allowed = site.status === 'ACTIVE' ? ['SUSPENDED'] : site.status === 'SUSPENDED' ? ['ACTIVE'] : [];
  throw new InvalidStatusTransitionError(site.status, requested, allowed);
}
