import type { TemplateDao } from '@bbws/data-access-catalogue';
import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { TenantSummaryReader } from '@bbws/data-access-memberships';
import type { Site } from '@bbws/data-access-sites';
import type { Caller, TenantAccess } from '@bbws/platform-auth';
import type { HostingEnvironments } from '@bbws/shared-config';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import { compareWpVersions, newId, type Clock } from '@bbws/shared-util';
import { subdomainTaken } from '../site-errors';
import { siteUrlFor } from '../site.rules';

/** Tenants in these statuses get no new sites (API.md § Tenants). */
const TENANT_STATUSES_WITHOUT_NEW_SITES = ['SUSPENDED', 'PARKED', 'DEPROVISIONED'];

export const PHP_VERSION = '8.2';

/** What a new site (created, cloned, or a promotion's first target) is made of besides its instance. */
export interface NewSiteFields {
  siteName: string;
  subdomain: string;
  environment: HostingEnvironment;
  templateId: string | null;
  promotedFromSiteId?: string | null;
}

/**
 * The rules every new site passes, wherever it comes from (create, clone, first promotion): an open tenant,
 * the tenant's ACTIVE instance in the environment, a PUBLISHED template the instance's WordPress runs, a
 * host no instance uses; and the PROVISIONING site built from the instance.
 */
export class SitePlacement {
  constructor(
    private readonly instances: Pick<InstanceDao, 'get' | 'slugTaken'>,
    private readonly tenants: Pick<TenantSummaryReader, 'find'>,
    private readonly templates: Pick<TemplateDao, 'get'>,
    private readonly environments: HostingEnvironments,
    private readonly clock: Clock,
  ) {}

  async requireTenantOpen(tenantId: string): Promise<void> {
    const tenant = await this.tenants.find(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
    if (TENANT_STATUSES_WITHOUT_NEW_SITES.includes(tenant.status))
      throw new BusinessRuleError('TENANT_NOT_ACTIVE', `A ${tenant.status} tenant gets no new sites`, {
        tenantStatus: tenant.status,
      });
  }

  /** The tenant's ACTIVE instance in `environment`, else 422 INSTANCE_NOT_READY. */
  async readyInstance(tenantId: string, environment: HostingEnvironment): Promise<Instance> {
    const instance = await this.instances.get(tenantId, environment);
    if (instance?.status === 'ACTIVE') return instance;
    throw new BusinessRuleError('INSTANCE_NOT_READY', `The tenant has no ACTIVE instance in ${environment}`, {
      environment,
      instanceId: instance?.instanceId ?? null,
      instanceStatus: instance?.status ?? null,
    });
  }

  /** 422 TEMPLATE_NOT_AVAILABLE unless PUBLISHED; 422 INCOMPATIBLE_WORDPRESS when the instance's is older. */
  async checkTemplate(
    templateId: string | undefined | null,
    instance: Pick<Instance, 'wordpressVersion'>,
  ): Promise<void> {
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

  /** A site host equal to an instance's host ({slug}.{domainSuffix}) would shadow that instance: 409. */
  async assertHostFree(environment: HostingEnvironment, subdomain: string): Promise<void> {
    if (await this.instances.slugTaken(environment, subdomain))
      throw subdomainTaken(subdomain, 'INSTANCE_HOST');
  }

  /** The PROVISIONING site on `instance`, owned by the caller. */
  newSite(caller: Caller, tenantId: string, instance: Instance, fields: NewSiteFields): Site {
    const now = this.clock.now().toISOString();
    return {
      siteId: newId('site'),
      tenantId,
      instanceId: instance.instanceId,
      siteName: fields.siteName,
      subdomain: fields.subdomain,
      siteUrl: siteUrlFor(this.environments[fields.environment], fields.subdomain),
      environment: fields.environment,
      status: 'PROVISIONING',
      templateId: fields.templateId,
      wordpressVersion: instance.wordpressVersion,
      phpVersion: PHP_VERSION,
      healthStatus: 'UNKNOWN',
      wpSiteId: null,
      promotedFromSiteId: fields.promotedFromSiteId ?? null,
      ownerId: caller.userId,
      configuration: { title: fields.siteName },
      lastError: null,
      purgeAfter: null,
      createdAt: now,
      createdBy: caller.userId,
      updatedAt: now,
      version: 1,
    };
  }
}

/** PROD sites are created by ADMINs (PROD content otherwise arrives by promotion): 403 for OPERATORs. */
export function assertMayCreateIn(access: TenantAccess, environment: HostingEnvironment): void {
  if (environment === 'PROD' && !access.isPlatformAdmin && access.role !== 'ADMIN')
    throw new ForbiddenError('Creating a PROD site needs the ADMIN role in this tenant', {
      requiredRoles: ['ADMIN'],
      environment,
    });
}
