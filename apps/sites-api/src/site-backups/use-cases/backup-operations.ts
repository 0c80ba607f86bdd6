import type { BackupDao } from '@bbws/data-access-sites';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { SITE_ACTIONS } from '../../sites/site-state.rules';
import type { SiteOperations, SiteRequest } from '../../sites/use-cases/site-operations';
import { backupNotFound } from '../site-backups.service';

/**
 * POST .../backups (BACKUP) and .../restore (RESTORE): ADMIN, on ACTIVE or SUSPENDED sites (PROD
 * included: restore is one of the ways PROD content changes), one operation at a time per site.
 */
export class BackupOperations {
  constructor(
    private readonly operations: Pick<SiteOperations, 'load' | 'launch' | 'now'>,
    private readonly backups: Pick<BackupDao, 'get' | 'createWrites'>,
  ) {}

  /** The backup is recorded IN_PROGRESS (reason MANUAL, naming its operation) in the launch transaction. */
  async backup(request: SiteRequest, reason?: string): Promise<{ operation: Operation; backupId: string }> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.BACKUP.roles);
    const backupId = newId('bkp');
    const operation = await this.operations.launch({
      request,
      loaded,
      action: 'BACKUP',
      contract: MESSAGES.BACKUP,
      payload: (site) => ({ siteId: site.siteId, backupId, ...(reason ? { reason } : {}) }),
      writes: (site) => {
        const operationId = newId('op');
        const extra = this.backups.createWrites({
          backupId,
          siteId: site.siteId,
          tenantId: site.tenantId,
          status: 'IN_PROGRESS',
          reason: 'MANUAL',
          artifactKey: null,
          sha256: null,
          sizeBytes: null,
          manifest: null,
          operationId,
          createdAt: this.operations.now().toISOString(),
          createdBy: request.caller.userId,
          completedAt: null,
          expiresAt: null,
        });
        return { extra, operationId };
      },
    });
    return { operation, backupId };
  }

  /** A COMPLETED backup of this site (another site's: 404; not COMPLETED: 422 BACKUP_NOT_RESTORABLE). */
  async restore(request: SiteRequest, backupId: string): Promise<Operation> {
    const loaded = await this.operations.load(request, SITE_ACTIONS.RESTORE.roles);
    const backup = await this.backups.get(loaded.site.siteId, backupId);
    if (!backup) throw backupNotFound(backupId);
    return this.operations.launch({
      request,
      loaded,
      action: 'RESTORE',
      check: () => {
        if (backup.status !== 'COMPLETED')
          throw new BusinessRuleError('BACKUP_NOT_RESTORABLE', `Backup ${backupId} is ${backup.status}`, {
            backupId,
            backupStatus: backup.status,
          });
      },
      contract: MESSAGES.RESTORE,
      payload: (site) => ({ siteId: site.siteId, backupId }),
    });
  }
}
