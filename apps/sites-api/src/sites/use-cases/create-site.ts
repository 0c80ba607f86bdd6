import type { PluginInstallability, TemplateDao } from '@bbws/data-access-catalogue';
import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { TenantSummaryReader } from '@bbws/data-access-memberships';
import type { Site, SiteDao } from '@bbws/data-access-sites';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import type { HostingEnvironments } from '@bbws/shared-config';
import { MESSAGES, type HostingEnvironment, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import { compareWpVersions, newId, type Clock } from '@bbws/shared-util';
import { pluginRefused, subdomainTaken, toCreateSiteAppError } from '../site-errors';
import { siteQuota, siteUrlFor } from '../site.rules';

export interface CreateSiteInput {
  siteName: string;
  subdomain: string;
  environment?: HostingEnvironment;
  templateId?: string;
  plugins?: string[];
  adminEmail?: string;
}

/** Tenants in these statuses get no new sites (API.md § Tenants). */
const TENANT_STATUSES_WITHOUT_NEW_SITES = ['SUSPENDED', 'PARKED', 'DEPROVISIONED'];

export const PHP_VERSION = '8.2';

/**
 * POST /tenants/{t}/sites: ADMIN or OPERATOR (PROD: ADMIN only, since PROD content otherwise arrives by
 * promotion). The tenant's ACTIVE instance in the environment serves the site; the template must be
 * PUBLISHED and each plugin installable next to the others. The site PROVISIONING, its subdomain guard,
 * its quota slot, the SITE_CREATION operation and its lock commit in one transaction, then the message.
 */
export class CreateSite {
  constructor(
    private readonly sites: Pick<SiteDao, 'createWrites'>,
    private readonly instances: Pick<InstanceDao, 'get' | 'slugTaken'>,
    private readonly tenants: Pick<TenantSummaryReader, 'find'>,
    private readonly templates: Pick<TemplateDao, 'get'>,
    private readonly installability: Pick<PluginInstallability, 'check'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly environments: HostingEnvironments,
    private readonly clock: Clock,
  ) {}

  async create(
    caller: Caller,
    tenantId: string,
    input: CreateSiteInput,
    correlationId: string,
  ): Promise<Operation> {
    const access = await this.access.require(caller, tenantId, ['ADMIN', 'OPERATOR']);
    const environment = input.environment ?? 'DEV';
    if (environment === 'PROD' && !access.isPlatformAdmin && access.role !== 'ADMIN')
      throw new ForbiddenError('Creating a PROD site needs the ADMIN role in this tenant', {
        requiredRoles: ['ADMIN'],
        environment,
      });
    await this.requireTenantOpen(tenantId);
    const instance = await this.readyInstance(tenantId, environment);
    await this.checkTemplate(input.templateId, instance);
    await this.checkPlugins(input.plugins ?? [], instance);
    // A site host equal to an instance's host ({slug}.{domainSuffix}) would shadow that instance.
    if (await this.instances.slugTaken(environment, input.subdomain))
      throw subdomainTaken(input.subdomain, 'INSTANCE_HOST');

    const site = this.newSite(caller, tenantId, environment, instance, input);
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

  private async requireTenantOpen(tenantId: string): Promise<void> {
    const tenant = await this.tenants.find(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
    if (TENANT_STATUSES_WITHOUT_NEW_SITES.includes(tenant.status))
      throw new BusinessRuleError('TENANT_NOT_ACTIVE', `A ${tenant.status} tenant gets no new sites`, {
        tenantStatus: tenant.status,
      });
  }

  private async readyInstance(tenantId: string, environment: HostingEnvironment): Promise<Instance> {
    const instance = await this.instances.get(tenantId, environment);
    if (instance?.status === 'ACTIVE') return instance;
    throw new BusinessRuleError('INSTANCE_NOT_READY', `The tenant has no ACTIVE instance in ${environment}`, {
      environment,
      instanceId: instance?.instanceId ?? null,
      instanceStatus: instance?.status ?? null,
    });
  }

  private async checkTemplate(templateId: string | undefined, instance: Instance): Promise<void> {
    if (!templateId) return;
    const template = await this.templates.get(templateId);
    if (template?.status !== 'PUBLISHED')
      throw new BusinessRuleError('TEMPLATE_NOT_AVAILABLE', `Template ${templateId} is not published`, {
        templateId,
        templateStatus: template?.status ?? null,
      });
    if (compareWpVersions(instance.wordpressVersion, template.minWordPressVersion) < 0)
      throw new BusinessRuleError(
        'INCOMPATIBLE_WORDPRESS',
        `Template ${templateId} needs WordPress ${template.minWordPressVersion} or later`,
        {
          templateId,
          minWordPressVersion: template.minWordPressVersion,
          wordpressVersion: instance.wordpressVersion,
        },
      );
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

  private newSite(
    caller: Caller,
    tenantId: string,
    environment: HostingEnvironment,
    instance: Instance,
    input: CreateSiteInput,
  ): Site {
    const now = this.clock.now().toISOString();
    return {
      siteId: newId('site'),
      tenantId,
      instanceId: instance.instanceId,
      siteName: input.siteName,
      subdomain: input.subdomain,
      siteUrl: siteUrlFor(this.environments[environment], input.subdomain),
      environment,
      status: 'PROVISIONING',
      templateId: input.templateId ?? null,
      wordpressVersion: instance.wordpressVersion,
      phpVersion: PHP_VERSION,
      healthStatus: 'UNKNOWN',
      wpSiteId: null,
      promotedFromSiteId: null,
      ownerId: caller.userId,
      configuration: { title: input.siteName },
      lastError: null,
      purgeAfter: null,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      version: 1,
    };
  }
}
