import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type SitePromotionPayload,
} from '@bbws/shared-contracts';
import type { SiteBackups } from '../site-backups/site-backups';
import { launchedPayload } from '../site-clone/site-operation.payload';
import type { SiteTransfer } from '../site-clone/site-transfer';
import type { SiteFailureRecorder } from '../sites/site-failure.recorder';
import type { SitePromotionService } from './site-promotion.service';

/** Only a target the promotion was creating fails with it; an ACTIVE target stays ACTIVE (restored). */
const PROMOTION_STATUSES = ['PROVISIONING'] as const;

/**
 * `bbws-wp-site-update`: SITE_PROMOTION (the operation's resource is the source). A failure leaves a target
 * the promotion was creating FAILED, fails its backup if unfinished and deletes the transfer archive.
 */
export class SitePromotionHandler implements OperationHandler<SitePromotionPayload> {
  readonly contract = MESSAGES.SITE_PROMOTION;

  constructor(
    private readonly promotion: SitePromotionService,
    private readonly failures: SiteFailureRecorder,
    private readonly backups: Pick<SiteBackups, 'abandon' | 'backupIdOf'>,
    private readonly transfer: Pick<SiteTransfer, 'keyOf' | 'discard'>,
  ) {}

  run(context: OperationContext<SitePromotionPayload>) {
    return this.promotion.promote(context);
  }

  async failureWrites(operation: Operation, error: OperationError) {
    const target = onTarget(operation);
    return target ? this.failures.writes(target, PROMOTION_STATUSES, error) : undefined;
  }

  async onFailed(operation: Operation, error: OperationError): Promise<void> {
    await this.transfer.discard(this.transfer.keyOf(operation.tenantId, operation.operationId));
    const target = onTarget(operation);
    if (!target) return;
    await this.failures.record(target, PROMOTION_STATUSES, error);
    await this.backups.abandon(
      target.resourceId,
      this.backups.backupIdOf(operation.operationId, 'PRE_PROMOTION'),
    );
  }
}

/** The operation as the recorder sees it when it fails the target site rather than the source. */
function onTarget(operation: Operation): Operation | null {
  const { targetSiteId } = launchedPayload<SitePromotionPayload>(operation);
  return targetSiteId ? { ...operation, resourceId: targetSiteId } : null;
}
