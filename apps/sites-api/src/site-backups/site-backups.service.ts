import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { Backup, BackupDao, SiteDao } from '@bbws/data-access-sites';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { ConflictError, NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { operationInProgress, siteNotFound } from '../sites/site-errors';

export interface BackupView {
  tenantId: string;
  backup: Backup;
  access: TenantAccess;
}

export function backupNotFound(backupId: string): NotFoundError {
  return new NotFoundError('BACKUP', backupId);
}

/**
 * A site's backups: members read them (404 for everyone else, and for another site's backup); ADMINs
 * delete finished ones, the archive from the artifact store first, then the record.
 */
export class SiteBackupsService {
  constructor(
    private readonly sites: Pick<SiteDao, 'get'>,
    private readonly backups: Pick<BackupDao, 'get' | 'listBySite' | 'delete'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly store: Pick<ArtifactStore, 'delete'>,
  ) {}

  /** Newest first. */
  async list(
    caller: Caller,
    tenantId: string,
    siteId: string,
    page: PageRequest,
  ): Promise<{ access: TenantAccess; page: Page<Backup> }> {
    const access = await this.access.require(caller, tenantId);
    await this.requireSite(tenantId, siteId);
    return { access, page: await this.backups.listBySite(siteId, page) };
  }

  async get(caller: Caller, tenantId: string, siteId: string, backupId: string): Promise<BackupView> {
    const access = await this.access.require(caller, tenantId);
    await this.requireSite(tenantId, siteId);
    return { tenantId, access, backup: await this.load(siteId, backupId) };
  }

  /**
   * ADMIN: 409 BACKUP_IN_PROGRESS while it is being made, 409 OPERATION_IN_PROGRESS while a RESTORE runs on
   * the site (it may be reading this archive). Idempotent towards the store: a missing archive is fine.
   */
  async delete(caller: Caller, tenantId: string, siteId: string, backupId: string): Promise<void> {
    await this.access.require(caller, tenantId, ['ADMIN']);
    await this.requireSite(tenantId, siteId);
    const backup = await this.load(siteId, backupId);
    if (backup.status === 'IN_PROGRESS')
      throw new ConflictError('BACKUP_IN_PROGRESS', `Backup ${backupId} is still being made`, {
        backupId,
        operationId: backup.operationId,
      });
    const lock = await this.locks.find(siteId);
    if (lock?.operationType === 'RESTORE') throw operationInProgress(siteId, lock);
    if (backup.artifactKey) await this.store.delete(backup.artifactKey);
    await this.backups.delete(backup);
  }

  private async requireSite(tenantId: string, siteId: string): Promise<void> {
    if (!(await this.sites.get(tenantId, siteId))) throw siteNotFound(siteId);
  }

  private async load(siteId: string, backupId: string): Promise<Backup> {
    const backup = await this.backups.get(siteId, backupId);
    if (!backup) throw backupNotFound(backupId);
    return backup;
  }
}
