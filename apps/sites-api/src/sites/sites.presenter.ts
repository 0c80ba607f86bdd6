import type { TenantAccess } from '@bbws/platform-auth';
import { operationRoutes } from '@bbws/platform-operations';
import { link, links, presentPage, type Page } from '@bbws/shared-hateoas';
import type { SiteListResponseDto, SiteResponseDto } from './dto/site.response.dto';
import type { SiteStatusResponseDto } from './dto/site-status.response.dto';
import type { SiteStatusView, SiteView } from './sites.service';
import { siteRoutes } from './sites.routes';

/** Who may create sites: ADMIN and OPERATOR members, platform admins. */
export function canCreateSites(access: TenantAccess): boolean {
  return access.isPlatformAdmin || access.role === 'ADMIN' || access.role === 'OPERATOR';
}

/** The site resource; `operation` while one runs on it (the other actions arrive with their routes). */
export function presentSite({ site, activeOperationId }: SiteView): SiteResponseDto {
  const { tenantId, siteId } = site;
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
      ['self', link(siteRoutes.site(tenantId, siteId))],
      ['status', link(siteRoutes.status(tenantId, siteId))],
      ['collection', link(siteRoutes.collection(tenantId))],
      ['tenant', link(siteRoutes.tenant(tenantId))],
      ['instance', link(siteRoutes.instance(tenantId, site.instanceId))],
      ['operation', link(operationRoutes.operation(activeOperationId ?? '')), activeOperationId !== null],
    ]),
  };
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
