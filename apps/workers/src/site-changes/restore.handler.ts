import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import { MESSAGES, type Operation, type OperationError, type RestorePayload } from '@bbws/shared-contracts';
import type { SiteBackups } from '../site-backups/site-backups';
import type { SiteBackupOperations } from './site-backup.operations';
import type { SiteChangeFailures } from './site-change-failures';

/** `bbws-wp-site-update`: RESTORE; a failure before its safety backup completed leaves that backup FAILED. */
export class RestoreHandler implements OperationHandler<RestorePayload> {
  readonly contract = MESSAGES.RESTORE;

  constructor(
    private readonly operations: SiteBackupOperations,
    private readonly backups: SiteBackups,
    private readonly failures: SiteChangeFailures,
  ) {}

  run(context: OperationContext<RestorePayload>) {
    return this.operations.restore(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  async onFailed(operation: Operation, error: OperationError): Promise<void> {
    const safety = this.backups.backupIdOf(operation.operationId, 'PRE_RESTORE');
    await this.backups.abandon(operation.resourceId, safety);
    await this.failures.record(operation, error);
  }
}
