import type { BackupDao } from '@bbws/data-access-sites';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { BackupPayload, RestorePayload } from '@bbws/shared-contracts';
import { NotFoundError } from '@bbws/shared-errors';
import type { SiteBackups } from '../site-backups/site-backups';
import type { SiteTargets } from '../sites/site-targets';

/**
 * BACKUP (MANUAL, the backup the API recorded) and RESTORE: the current state backed up first
 * (PRE_RESTORE, never pruned in favour of the backup being restored), then the chosen backup imported;
 * the result names both, so a restore that went wrong can itself be undone.
 */
export class SiteBackupOperations {
  constructor(
    private readonly targets: SiteTargets,
    private readonly backups: Pick<BackupDao, 'get'>,
    private readonly siteBackups: SiteBackups,
  ) {}

  async backup(context: OperationContext<BackupPayload>): Promise<OperationOutcome> {
    const { payload, operation } = context;
    await context.plan(['backup']);
    const taken = await context.step('backup', async () => {
      const site = await this.targets.site(operation.tenantId, payload.siteId);
      const { backup, pruned } = await this.siteBackups.take(site, {
        reason: 'MANUAL',
        operationId: operation.operationId,
        createdBy: operation.createdBy,
        backupId: payload.backupId,
      });
      return { backupId: backup.backupId, sha256: backup.sha256, sizeBytes: backup.sizeBytes, pruned };
    });
    return { result: { siteId: payload.siteId, ...taken }, message: `Backup ${taken.backupId} completed` };
  }

  async restore(context: OperationContext<RestorePayload>): Promise<OperationOutcome> {
    const { payload, operation } = context;
    await context.plan(['backup-current', 'restore']);
    const chosen = async () => {
      const backup = await this.backups.get(payload.siteId, payload.backupId);
      if (!backup) throw new NotFoundError('BACKUP', payload.backupId);
      return backup;
    };
    await chosen();
    const safety = await context.step('backup-current', async () => {
      const site = await this.targets.site(operation.tenantId, payload.siteId);
      const { backup } = await this.siteBackups.take(site, {
        reason: 'PRE_RESTORE',
        operationId: operation.operationId,
        createdBy: operation.createdBy,
        retain: [payload.backupId],
      });
      return { preRestoreBackupId: backup.backupId };
    });
    const restored = await context.step('restore', async () => {
      const site = await this.targets.site(operation.tenantId, payload.siteId);
      const result = await this.siteBackups.restore(site, await chosen());
      return { tables: result.tables, rows: result.rows, files: result.files };
    });
    return {
      result: {
        siteId: payload.siteId,
        restoredBackupId: payload.backupId,
        preRestoreBackupId: safety.preRestoreBackupId,
        ...restored,
      },
      message: `Backup ${payload.backupId} restored; the state before is backup ${safety.preRestoreBackupId}`,
    };
  }
}
