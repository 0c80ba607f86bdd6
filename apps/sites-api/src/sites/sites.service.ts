import type { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import type { Site, SiteDao, SiteListFilter } from '@bbws/data-access-sites';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import type { Operation } from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { siteNotFound } from './site-errors';

export interface SiteView {
  site: Site;
  /** The operation holding the site's lock, when one runs. */
  activeOperationId: string | null;
}

export interface SiteStatusView {
  site: Site;
  /** The running operation as stored, when one runs. */
  operation: Operation | null;
}

/** Reads of a tenant's sites (members; 404 for everyone else), with the operation running on each. */
export class SitesService {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'listByTenant'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly operations: Pick<OperationDao, 'get'>,
  ) {}

  async list(
    caller: Caller,
    tenantId: string,
    filter: SiteListFilter,
    page: PageRequest,
  ): Promise<{ access: TenantAccess; page: Page<SiteView> }> {
    const access = await this.access.require(caller, tenantId);
    const sites = await this.sites.listByTenant(tenantId, filter, page);
    const items = await Promise.all(sites.items.map((site) => this.view(site)));
    return { access, page: { items, nextStartAt: sites.nextStartAt } };
  }

  async get(caller: Caller, tenantId: string, siteId: string): Promise<SiteView> {
    await this.access.require(caller, tenantId);
    return this.view(await this.load(tenantId, siteId));
  }

  async status(caller: Caller, tenantId: string, siteId: string): Promise<SiteStatusView> {
    await this.access.require(caller, tenantId);
    const site = await this.load(tenantId, siteId);
    const lock = await this.locks.find(site.siteId);
    return { site, operation: lock ? await this.operations.get(lock.operationId) : null };
  }

  private async load(tenantId: string, siteId: string): Promise<Site> {
    const site = await this.sites.get(tenantId, siteId);
    if (!site) throw siteNotFound(siteId);
    return site;
  }

  private async view(site: Site): Promise<SiteView> {
    return { site, activeOperationId: (await this.locks.find(site.siteId))?.operationId ?? null };
  }
}
