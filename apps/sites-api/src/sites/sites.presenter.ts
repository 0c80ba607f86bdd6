import type { TenantAccess } from '@bbws/platform-auth';
import { operationRoutes } from '@bbws/platform-operations';
import { link, links, presentPage, type Link, type Page } from '@bbws/shared-hateoas';
import type { SiteListResponseDto, SiteResponseDto } from './dto/site.response.dto';
import type { SiteStatusResponseDto } from './dto/site-status.response.dto';
import type { SiteStatusView, SiteView } from './sites.service';
import { PROMOTION_PATHS } from './site-state.rules';
import { siteRoutes } from './sites.routes';

/** Who may create sites: ADMIN and OPERATOR members, platform admins. */
export function canCreateSites(access: TenantAccess): boolean {
  return access.isPlatformAdmin || access.role === 'ADMIN' || access.role === 'OPERATOR';
}

/**
 * The site resource: reads for every member; the actions the caller may start in the site's state (none
 * while an operation runs, which `operation` links to); `promote` names its target environment.
 */
export function presentSite({ site, activeOperationId, actions }: SiteView): SiteResponseDto {
  const { tenantId, siteId } = site;
  const self = siteRoutes.site(tenantId, siteId);
  const status = siteRoutes.status(tenantId, siteId);
  const can = (action: (typeof actions)[number]) => actions.includes(action);
  const live = site.status !== 'DELETED';
  return {
    siteId,
    tenantId,
    instanceId: site.instanceId,
    siteName: site.siteName,
    subdomain: site.subdomain,
    siteUrl: site.siteUrl,
    environment: site.environment,
    status: site.status,
    templateId: site.templateId,
    wordpressVersion: site.wordpressVersion,
    phpVersion: site.phpVersion,
    healthStatus: site.healthStatus,
    wpSiteId: site.wpSiteId,
    promotedFromSiteId: site.promotedFromSiteId,
    ownerId: site.ownerId,
    configuration: site.configuration,
    lastError: site.lastError,
    createdAt: site.createdAt,
    createdBy: site.createdBy,
    updatedAt: site.updatedAt,
    version: site.version,
    _links: links([
      ['self', link(self)],
      ['status', link(status)],
      ['collection', link(siteRoutes.collection(tenantId))],
      ['tenant', link(siteRoutes.tenant(tenantId))],
      ['instance', link(siteRoutes.instance(tenantId, site.instanceId))],
      ['plugins', link(siteRoutes.plugins(tenantId, siteId)), live],
      ['health', link(siteRoutes.health(tenantId, siteId)), live],
      ['backups', link(siteRoutes.backups(tenantId, siteId))],
      ['operation', link(operationRoutes.operation(activeOperationId ?? '')), activeOperationId !== null],
      ['update', link(self, 'PATCH'), can('UPDATE')],
      ['delete', link(self, 'DELETE'), can('DELETE')],
      ['suspend', link(status, 'PUT'), can('SUSPEND')],
      ['resume', link(status, 'PUT'), can('RESUME')],
      ['undelete', link(status, 'PUT'), can('UNDELETE')],
      ['clone', link(siteRoutes.clone(tenantId, siteId), 'POST'), can('CLONE')],
      ['promote', promoteLink(tenantId, siteId, site.environment), can('PROMOTE')],
      ['applyTemplate', link(siteRoutes.applyTemplate(tenantId, siteId), 'POST'), can('APPLY_TEMPLATE')],
      ['retry', link(siteRoutes.retry(tenantId, siteId), 'POST'), can('RETRY')],
      ['createBackup', link(siteRoutes.backups(tenantId, siteId), 'POST'), can('BACKUP')],
    ]),
  };
}

/** POST .../promote, with the one environment the site can be promoted to. */
function promoteLink(tenantId: string, siteId: string, environment: keyof typeof PROMOTION_PATHS): Link {
  const target: Link & { targetEnvironment?: string } = link(siteRoutes.promote(tenantId, siteId), 'POST');
  const next = PROMOTION_PATHS[environment];
  if (next) target.targetEnvironment = next;
  return target;
}

export function presentSiteList(
  tenantId: string,
  access: TenantAccess,
  page: Page<SiteView>,
  query: { environment?: string; status?: string; pageSize: number },
): SiteListResponseDto {
  const { pageSize, ...filters } = query;
  const response = presentPage(page, presentSite, {
    path: siteRoutes.collection(tenantId),
    query: filters,
    pageSize,
  });
  if (canCreateSites(access)) response._links.create = link(siteRoutes.collection(tenantId), 'POST');
  return response;
}

export function presentSiteStatus({ site, operation }: SiteStatusView): SiteStatusResponseDto {
  const { tenantId, siteId } = site;
  return {
    siteId,
    status: site.status,
    healthStatus: site.healthStatus,
    lastError: site.lastError,
    operation: operation
      ? {
          operationId: operation.operationId,
          type: operation.type,
          status: operation.status,
          progress: operation.progress,
          currentStep: operation.currentStep,
          message: operation.message,
        }
      : null,
    updatedAt: site.updatedAt,
    _links: links([
      ['self', link(siteRoutes.status(tenantId, siteId))],
      ['site', link(siteRoutes.site(tenantId, siteId))],
      ['operation', link(operationRoutes.operation(operation?.operationId ?? '')), operation !== null],
    ]),
  };
}
