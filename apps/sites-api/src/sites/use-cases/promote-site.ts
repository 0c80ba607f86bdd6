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
    const instance = await this.placement.readyInstance(request.tenantId, targetEnvironment);
    const existing = await this.liveTarget(source, targetEnvironment);
    if (existing && existing.status !== 'ACTIVE')
      throw new BusinessRuleError(
        'PROMOTION_TARGET_NOT_READY',
        `The ${targetEnvironment} site ${existing.siteId} is ${existing.status}, not ACTIVE`,
        { targetSiteId: existing.siteId, targetStatus: existing.status },
      );
    if (!existing) await this.placement.requireTenantOpen(request.tenantId);
    const target =
      existing ??
      this.placement.newSite(request.caller, request.tenantId, instance, {
        siteName: source.siteName,
        subdomain: source.subdomain,
        environment: targetEnvironment,
        templateId: source.templateId,
        promotedFromSiteId: source.siteId,
      });
    const operation = await this.operations.launch({
      request,
      loaded,
      action: 'PROMOTE',
      contract: MESSAGES.SITE_PROMOTION,
      payload: (site) => ({
        siteId: site.siteId,
        targetEnvironment,
        includeDatabase: input.includeDatabase ?? true,
        includeFiles: input.includeFiles ?? true,
        targetSiteId: target.siteId,
      }),
      ...(existing
        ? {}
        : {
            writes: () => ({
              extra: this.sites.createPromotionTargetWrites(target, siteQuota(instance.tier)),
            }),
          }),
    });
    return { operation, targetSiteId: target.siteId };
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
