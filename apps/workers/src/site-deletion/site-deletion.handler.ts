import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type SiteDeletionPayload,
} from '@bbws/shared-contracts';
import type { SiteBackups } from '../site-backups/site-backups';
import type { SiteFailureRecorder } from '../sites/site-failure.recorder';
import type { SiteDeletionService } from './site-deletion.service';

const DELETION_STATUSES = ['DEPROVISIONING'] as const;

/**
 * `bbws-wp-site-deletion`: SITE_DELETION. A deletion that failed for good leaves the site FAILED with the
 * error (it may be half torn down; deleting it again resumes the teardown) and its unfinished backup FAILED.
 */
export class SiteDeletionHandler implements OperationHandler<SiteDeletionPayload> {
  readonly contract = MESSAGES.SITE_DELETION;

  constructor(
    private readonly deletion: SiteDeletionService,
    private readonly backups: SiteBackups,
    private readonly failures: SiteFailureRecorder,
  ) {}

  run(context: OperationContext<SiteDeletionPayload>) {
    return this.deletion.delete(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, DELETION_STATUSES, error);
  }

  async onFailed(operation: Operation, error: OperationError): Promise<void> {
    await this.backups.abandon(
      operation.resourceId,
      this.backups.backupIdOf(operation.operationId, 'PRE_DELETE'),
    );
    await this.failures.record(operation, DELETION_STATUSES, error);
  }
}
