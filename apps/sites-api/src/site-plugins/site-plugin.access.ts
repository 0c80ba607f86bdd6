import type { TenantRole } from '@bbws/data-access-memberships';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { InstalledPlugin, InstalledPluginDao, Site, SiteDao } from '@bbws/data-access-sites';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { operationRoutes } from '@bbws/platform-operations';
import { ConflictError, NotFoundError } from '@bbws/shared-errors';
import { assertPluginAction } from './site-plugin.rules';

export interface PluginRequest {
  caller: Caller;
  tenantId: string;
  siteId: string;
}

/** An ACTIVE site a caller may change the plugins of (its network blog known). */
export interface PluginActionSite {
  access: TenantAccess;
  site: Site & { wpSiteId: number };
}

/** Reads for the plugin routes: members 404 for everyone else, the action rules, the installed record. */
export class SitePluginAccess {
  constructor(
    private readonly sites: Pick<SiteDao, 'get'>,
    private readonly installed: Pick<InstalledPluginDao, 'get' | 'listBySite'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
  ) {}

  /** The site for a member (`roles`: the roles the route needs; platform admins always). */
  async site(
    request: PluginRequest,
    roles: readonly TenantRole[] | 'member',
  ): Promise<{ access: TenantAccess; site: Site }> {
    const access = await this.access.require(
      request.caller,
      request.tenantId,
      roles === 'member' ? 'member' : roles,
    );
    const site = await this.sites.get(request.tenantId, request.siteId);
    if (!site) throw new NotFoundError('SITE', request.siteId);
    return { access, site };
  }

  /** The site, checked for a plugin action by a caller in `roles` (403 / 404 / 422). */
  async forAction(request: PluginRequest, roles: readonly TenantRole[]): Promise<PluginActionSite> {
    const { access, site } = await this.site(request, roles);
    assertPluginAction(site, access);
    return { access, site: site as Site & { wpSiteId: number } };
  }

  /** A synchronous change waits for no operation: 409 OPERATION_IN_PROGRESS while one holds the site. */
  async assertIdle(siteId: string): Promise<void> {
    const lock = await this.locks.find(siteId);
    if (lock)
      throw new ConflictError('OPERATION_IN_PROGRESS', `Another operation is in progress on ${siteId}`, {
        resourceId: siteId,
        operationId: lock.operationId,
        href: operationRoutes.operation(lock.operationId),
      });
  }

  async operationRunning(siteId: string): Promise<boolean> {
    return (await this.locks.find(siteId)) !== null;
  }

  /** The plugin's record on the site; 404 INSTALLED_PLUGIN_NOT_FOUND when the site does not have it. */
  async installedPlugin(siteId: string, pluginId: string): Promise<InstalledPlugin> {
    const record = await this.installed.get(siteId, pluginId);
    if (!record) throw new NotFoundError('INSTALLED_PLUGIN', pluginId);
    return record;
  }

  listInstalled(siteId: string): Promise<InstalledPlugin[]> {
    return this.installed.listBySite(siteId);
  }
}
