import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { TenantRole } from '@bbws/data-access-memberships';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { Site, SiteChanges, SiteDao } from '@bbws/data-access-sites';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import type { MessageContract, Operation } from '@bbws/shared-contracts';
import { PreconditionFailedError, VersionConflictError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { operationInProgress, siteNotFound, toSiteActionAppError } from '../site-errors';
import { SITE_ACTIONS, assertSiteAction, type SiteAction } from '../site-state.rules';

/** Who asks what of which site, with the request id that becomes the message's correlation id. */
export interface SiteRequest {
  caller: Caller;
  tenantId: string;
  siteId: string;
  correlationId: string;
  /** The version the caller read (If-Match), if it sent one. */
  ifMatch?: number;
}

export interface LoadedSite {
  access: TenantAccess;
  site: Site;
}

export interface SiteLaunch<P extends object> {
  request: SiteRequest;
  loaded: LoadedSite;
  /** The action, or how to tell it from the site as read (PUT .../status: resume or undelete). */
  action: SiteAction | ((site: Site) => SiteAction);
  contract: MessageContract<P>;
  payload: (site: Site) => P;
  /** Runs on the site as read before the state machine's check (its own 422 comes first). */
  before?: (site: Site) => void;
  /** Further rules on the site as read, after the state machine's check. */
  check?: (site: Site) => void | Promise<void>;
  /** Written on the site with the launch (default none: the version moves, conditional on the status). */
  changes?: SiteChanges;
  /**
   * Writes instead of the site's conditional change (a backup item, a new site); `resourceId` is then
   * the resource the operation locks (default the site). Undefined: the site's conditional change.
   */
  writes?: (site: Site) => { extra: ExtraWrites; resourceId?: string; operationId?: string } | undefined;
}

/** Reads and writes of one request racing other writers of the site (a health check, a worker). */
const MAX_ATTEMPTS = 3;

/**
 * Starts operations on existing sites: the caller's role per action (non-members 404, others 403), one
 * operation at a time (the lock: 409 OPERATION_IN_PROGRESS naming it), the state machine, and the site's
 * conditional change (version read, statuses the action starts from) in the launch transaction.
 */
export class SiteOperations {
  constructor(
    private readonly sites: Pick<SiteDao, 'get' | 'changeWrites'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /** The site, for a caller holding one of `roles` (platform admins always). */
  async load(request: SiteRequest, roles: readonly TenantRole[]): Promise<LoadedSite> {
    const access = await this.access.require(request.caller, request.tenantId, roles);
    return { access, site: await this.read(request.tenantId, request.siteId) };
  }

  /**
   * Without If-Match, a change that landed between the read and the write (a health check, say) is not the
   * caller's concern: the site is read again and the action re-checked, a bounded number of times.
   */
  async launch<P extends object>(launch: SiteLaunch<P>): Promise<Operation> {
    let site = launch.loaded.site;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.launchOnce(launch, site);
      } catch (error) {
        const { ifMatch } = launch.request;
        if (!(error instanceof VersionConflictError && ifMatch === undefined && attempt < MAX_ATTEMPTS))
          throw toSiteActionAppError(error, { siteId: site.siteId, action: actionOf(launch, site), ifMatch });
        site = await this.read(site.tenantId, site.siteId);
      }
    }
  }

  private async launchOnce<P extends object>(launch: SiteLaunch<P>, site: Site): Promise<Operation> {
    const { request } = launch;
    const action = actionOf(launch, site);
    if (request.ifMatch !== undefined && request.ifMatch !== site.version)
      throw new PreconditionFailedError(request.ifMatch, site.version);
    // One operation at a time comes first: a second request while one runs names the one running.
    const lock = await this.locks.find(site.siteId);
    if (lock) throw operationInProgress(site.siteId, lock);
    launch.before?.(site);
    assertSiteAction(site, action, launch.loaded.access, this.clock.now());
    await launch.check?.(site);
    const own = launch.writes?.(site);
    return this.launcher.launch({
      contract: launch.contract,
      tenantId: site.tenantId,
      resourceType: 'site',
      resourceId: own?.resourceId ?? site.siteId,
      createdBy: request.caller.userId,
      correlationId: request.correlationId,
      payload: launch.payload(site),
      ...(own?.operationId ? { operationId: own.operationId } : {}),
      extra:
        own?.extra ??
        this.sites.changeWrites(site, {
          expectedVersion: site.version,
          expectedStatuses: SITE_ACTIONS[action].from,
          changes: launch.changes ?? {},
        }),
    });
  }

  private async read(tenantId: string, siteId: string): Promise<Site> {
    const site = await this.sites.get(tenantId, siteId);
    if (!site) throw siteNotFound(siteId);
    return site;
  }
}

function actionOf(launch: Pick<SiteLaunch<object>, 'action'>, site: Site): SiteAction {
  return typeof launch.action === 'function' ? launch.action(site) : launch.action;
}
