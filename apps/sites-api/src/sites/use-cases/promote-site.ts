import type { Site, SiteDao } from '@bbws/data-access-sites';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import { siteQuota } from '../site.rules';
import { PROMOTION_PATHS, SITE_ACTIONS } from '../site-state.rules';
import type { SitePlacement } from './site-placement';
import type { SiteOperations, SiteRequest } from './site-operations';

export interface PromoteSiteInput {
  targetEnvironment: 'SIT' | 'PROD';
  includeDatabase?: boolean;
  includeFiles?: boolean;
}

/**
 * POST .../{s}/promote: ADMIN; an ACTIVE source, DEV→SIT or SIT→PROD only, onto the tenant's ACTIVE
 * instance there. The target is the tenant's live site with the same subdomain in the target environment
 * (it must be ACTIVE); on the first promotion it is created PROVISIONING in the launch transaction
 * (promotedFromSiteId = the source, the subdomain's guard already the tenant's, a quota slot of the target
 * instance's tier). SITE_PROMOTION runs on the source and always names the target site.
 */
export class PromoteSite {
  constructor(
    private readonly operations: Pick<SiteOperations, 'load' | 'launch'>,
    private readonly sites: Pick<SiteDao, 'listByTenant' | 'createPromotionTargetWrites'>,
    private readonly placement: SitePlacement,
  ) {}

  /** The operation, and the target site it promotes to (new or existing). */
  async promote(
    request: SiteRequest,
    input: PromoteSiteInput,
  ): Promise<{ operation: Operation; targetSiteId: string }> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.PROMOTE.roles);
    const source = loaded.site;
    const { targetEnvironment } = input;
    const next = PROMOTION_PATHS[source.environment];
    if (next !== targetEnvironment)
      throw new BusinessRuleError(
        'INVALID_PROMOTION_PATH',
        `A ${source.environment} site is promoted ${next ? `to ${next}` : 'nowhere'}, not to ${targetEnvironment}`,
        { from: source.environment, to: targetEnvironment, allowedTargets: next ? [next] : [] },
      );
    const plan: { target?: Site; quota?: number; isNew?: boolean } = {};
    const operation = await this.operations.launch({
      request,
      loaded,
      action: 'PROMOTE',
      // After the lock and state checks: a target PROVISIONING under a running promotion is a 409 first.
      check: async (site) => {
        Object.assign(plan, await this.target(request, site, targetEnvironment));
      },
      contract: MESSAGES.SITE_PROMOTION,
      payload: (site) => ({
        siteId: site.siteId,
        targetEnvironment,
        includeDatabase: input.includeDatabase ?? true,
        includeFiles: input.includeFiles ?? true,
        targetSiteId: planned(plan).siteId,
      }),
      writes: () =>
        plan.isNew
          ? { extra: this.sites.createPromotionTargetWrites(planned(plan), plan.quota ?? 0) }
          : undefined,
    });
    return { operation, targetSiteId: planned(plan).siteId };
  }

  /** The existing target (ACTIVE, else 422) or the new one to create, on the target environment's instance. */
  private async target(
    request: SiteRequest,
    source: Site,
    environment: 'SIT' | 'PROD',
  ): Promise<{ target: Site; quota: number; isNew: boolean }> {
    const instance = await this.placement.readyInstance(request.tenantId, environment);
    const quota = siteQuota(instance.tier);
    const existing = await this.liveTarget(source, environment);
    if (existing?.status === 'ACTIVE') return { target: existing, quota, isNew: false };
    if (existing)
      throw new BusinessRuleError(
        'PROMOTION_TARGET_NOT_READY',
        `The ${environment} site ${existing.siteId} is ${existing.status}, not ACTIVE`,
        { targetSiteId: existing.siteId, targetStatus: existing.status },
      );
    await this.placement.requireTenantOpen(request.tenantId);
    const target = this.placement.newSite(request.caller, request.tenantId, instance, {
      siteName: source.siteName,
      subdomain: source.subdomain,
      environment,
      templateId: source.templateId,
      promotedFromSiteId: source.siteId,
    });
    return { target, quota, isNew: true };
  }

  /** The tenant's site (not DELETED) with the source's subdomain in the target environment, if any. */
  private async liveTarget(source: Site, environment: 'SIT' | 'PROD'): Promise<Site | null> {
    let startAt: string | undefined;
    do {
      const page = await this.sites.listByTenant(
        source.tenantId,
        { environment, subdomain: source.subdomain },
        { pageSize: 100, ...(startAt ? { startAt } : {}) },
      );
      const live = page.items.find((site) => site.status !== 'DELETED');
      if (live) return live;
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return null;
  }
}

function planned(plan: { target?: Site }): Site {
  if (!plan.target) throw new Error('The promotion target is chosen before the launch');
  return plan.target;
}
