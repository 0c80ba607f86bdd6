import type { SiteDao } from '@bbws/data-access-sites';
import { MESSAGES, type HostingEnvironment, type Operation } from '@bbws/shared-contracts';
import { siteQuota } from '../site.rules';
import { SITE_ACTIONS } from '../site-state.rules';
import { assertMayCreateIn, type SitePlacement } from './site-placement';
import type { SiteOperations, SiteRequest } from './site-operations';

export interface CloneSiteInput {
  siteName: string;
  subdomain: string;
  /** Default: the source's. */
  environment?: HostingEnvironment;
}

/**
 * POST .../{s}/clone: ADMIN or OPERATOR (a PROD copy: ADMIN). The source must be ACTIVE with no operation
 * running on it; the copy passes every rule of a new site (tenant open, ACTIVE instance, host free,
 * subdomain guard and quota slot in the launch transaction). The SITE_CLONE operation runs on the new
 * site (its resourceId), which is created PROVISIONING with the source's template.
 */
export class CloneSite {
  constructor(
    private readonly operations: Pick<SiteOperations, 'load' | 'launch'>,
    private readonly sites: Pick<SiteDao, 'createWrites'>,
    private readonly placement: SitePlacement,
  ) {}

  async clone(request: SiteRequest, input: CloneSiteInput): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.CLONE.roles);
    const environment = input.environment ?? loaded.site.environment;
    assertMayCreateIn(loaded.access, environment);
    await this.placement.requireTenantOpen(request.tenantId);
    const instance = await this.placement.readyInstance(request.tenantId, environment);
    await this.placement.assertHostFree(environment, input.subdomain);
    const copy = this.placement.newSite(request.caller, request.tenantId, instance, {
      siteName: input.siteName,
      subdomain: input.subdomain,
      environment,
      templateId: loaded.site.templateId,
    });
    return this.operations.launch({
      request,
      loaded,
      action: 'CLONE',
      contract: MESSAGES.SITE_CLONE,
      payload: (source) => ({
        siteId: copy.siteId,
        sourceSiteId: source.siteId,
        siteName: copy.siteName,
        subdomain: copy.subdomain,
        environment,
      }),
      writes: () => ({
        resourceId: copy.siteId,
        extra: this.sites.createWrites(copy, siteQuota(instance.tier)),
      }),
    });
  }
}
