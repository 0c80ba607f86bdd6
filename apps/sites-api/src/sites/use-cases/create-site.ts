import type { PluginInstallability } from '@bbws/data-access-catalogue';
import type { Instance } from '@bbws/data-access-instances';
import type { SiteDao } from '@bbws/data-access-sites';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES, type HostingEnvironment, type Operation } from '@bbws/shared-contracts';
import { pluginRefused, toCreateSiteAppError } from '../site-errors';
import { siteQuota } from '../site.rules';
import { assertMayCreateIn, type SitePlacement } from './site-placement';

export interface CreateSiteInput {
  siteName: string;
  subdomain: string;
  environment?: HostingEnvironment;
  templateId?: string;
  plugins?: string[];
  adminEmail?: string;
}

/**
 * POST /tenants/{t}/sites: ADMIN or OPERATOR (PROD: ADMIN only, since PROD content otherwise arrives by
 * promotion). The tenant's ACTIVE instance in the environment serves the site; the template must be
 * PUBLISHED and each plugin installable next to the others. The site PROVISIONING, its subdomain guard,
 * its quota slot, the SITE_CREATION operation and its lock commit in one transaction, then the message.
 */
export class CreateSite {
  constructor(
    private readonly sites: Pick<SiteDao, 'createWrites'>,
    private readonly placement: SitePlacement,
    private readonly installability: Pick<PluginInstallability, 'check'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
  ) {}

  async create(
    caller: Caller,
    tenantId: string,
    input: CreateSiteInput,
    correlationId: string,
  ): Promise<Operation> {
    const access = await this.access.require(caller, tenantId, ['ADMIN', 'OPERATOR']);
    const environment = input.environment ?? 'DEV';
    assertMayCreateIn(access, environment);
    await this.placement.requireTenantOpen(tenantId);
    const instance = await this.placement.readyInstance(tenantId, environment);
    await this.placement.checkTemplate(input.templateId, instance);
    await this.checkPlugins(input.plugins ?? [], instance);
    await this.placement.assertHostFree(environment, input.subdomain);

    const site = this.placement.newSite(caller, tenantId, instance, {
      siteName: input.siteName,
      subdomain: input.subdomain,
      environment,
      templateId: input.templateId ?? null,
    });
    return this.launcher
      .launch({
        contract: MESSAGES.SITE_CREATION,
        tenantId,
        resourceType: 'site',
        resourceId: site.siteId,
        createdBy: caller.userId,
        correlationId,
        payload: {
          siteId: site.siteId,
          siteName: site.siteName,
          subdomain: site.subdomain,
          environment,
          instanceId: instance.instanceId,
          ...(input.templateId ? { templateId: input.templateId } : {}),
          ...(input.plugins?.length ? { plugins: input.plugins } : {}),
          ...(input.adminEmail ? { adminEmail: input.adminEmail } : {}),
        },
        extra: this.sites.createWrites(site, siteQuota(instance.tier)),
      })
      .catch((error: unknown) => {
        throw toCreateSiteAppError(error);
      });
  }

  /** Each plugin at its latest version on the instance's WordPress, next to the other requested plugins. */
  private async checkPlugins(plugins: readonly string[], instance: Instance): Promise<void> {
    const checks = await Promise.all(
      plugins.map((pluginId) =>
        this.installability.check({
          pluginId,
          wordpressVersion: instance.wordpressVersion,
          installed: plugins.filter((other) => other !== pluginId),
        }),
      ),
    );
    for (const check of checks) if (!check.ok) throw pluginRefused(check);
  }
}
