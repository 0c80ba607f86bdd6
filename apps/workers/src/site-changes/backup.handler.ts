import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import { MESSAGES, type BackupPayload, type Operation, type OperationError } from '@bbws/shared-contracts';
import type { SiteBackups } from '../site-backups/site-backups';
import type { SiteBackupOperations } from './site-backup.operations';
import type { SiteChangeFailures } from './site-change-failures';

/** `bbws-wp-site-update`: BACKUP (manual); a failed one leaves its backup FAILED. */
export class BackupHandler implements OperationHandler<BackupPayload> {
  readonly contract = MESSAGES.BACKUP;

  constructor(
    private readonly operations: SiteBackupOperations,
    private readonly backups: SiteBackups,
    private readonly failures: SiteChangeFailures,
  ) {}

  run(context: OperationContext<BackupPayload>) {
    return this.operations.backup(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  async onFailed(operation: Operation, error: OperationError): Promise<void> {
    const payload = operation.dispatch?.message.payload as Partial<BackupPayload> | undefined;
    if (payload?.backupId) await this.backups.abandon(operation.resourceId, payload.backupId);
    await this.failures.record(operation, error);
  }
}
