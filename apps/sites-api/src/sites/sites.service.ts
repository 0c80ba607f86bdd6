import type { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import type { Site, SiteDao, SiteListFilter } from '@bbws/data-access-sites';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import type { Operation } from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Clock } from '@bbws/shared-util';
import { siteNotFound } from './site-errors';
import { allowedActions, type SiteAction } from './site-state.rules';
import { failedCreationOf } from './use-cases/retry-site';

export interface SiteView {
  site: Site;
  /** The operation holding the site's lock, when one runs. */
  activeOperationId: string | null;
  /** What the caller may start on the site now (its action links). */
  actions: SiteAction[];
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
    private readonly clock: Clock,
  ) {}

  async list(
    caller: Caller,
    tenantId: string,
    filter: SiteListFilter,
    page: PageRequest,
  ): Promise<{ access: TenantAccess; page: Page<SiteView> }> {
    const access = await this.access.require(caller, tenantId);
    const sites = await this.sites.listByTenant(tenantId, filter, page);
    const items = await Promise.all(sites.items.map((site) => this.view(site, access)));
    return { access, page: { items, nextStartAt: sites.nextStartAt } };
  }

  async get(caller: Caller, tenantId: string, siteId: string): Promise<SiteView> {
    const access = await this.access.require(caller, tenantId);
    return this.view(await this.load(tenantId, siteId), access);
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

  private async view(site: Site, access: TenantAccess): Promise<SiteView> {
    const activeOperationId = (await this.locks.find(site.siteId))?.operationId ?? null;
    const actions = allowedActions(site, access, this.clock.now(), activeOperationId !== null);
    // Only a failed creation or clone is re-run: the link needs the failed operation's type.
    if (actions.includes('RETRY') && !('type' in (await failedCreationOf(site, this.operations))))
      return { site, activeOperationId, actions: actions.filter((action) => action !== 'RETRY') };
    return { site, activeOperationId, actions };
  }
}
