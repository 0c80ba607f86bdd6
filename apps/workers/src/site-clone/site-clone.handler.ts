import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import { MESSAGES, type Operation, type OperationError, type SiteClonePayload } from '@bbws/shared-contracts';
import type { SiteFailureRecorder } from '../sites/site-failure.recorder';
import type { SiteCloneService } from './site-clone.service';
import { launchedPayload } from './site-operation.payload';
import type { SiteTransfer } from './site-transfer';

const CLONE_STATUSES = ['PROVISIONING'] as const;

/**
 * `bbws-wp-site-creation`: SITE_CLONE. A failure leaves the new site FAILED (the source is untouched) and
 * deletes the transfer archive.
 */
export class SiteCloneHandler implements OperationHandler<SiteClonePayload> {
  readonly contract = MESSAGES.SITE_CLONE;

  constructor(
    private readonly cloning: SiteCloneService,
    private readonly failures: SiteFailureRecorder,
    private readonly transfer: Pick<SiteTransfer, 'keyOf' | 'discard'>,
  ) {}

  run(context: OperationContext<SiteClonePayload>) {
    return this.cloning.clone(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(onNewSite(operation), CLONE_STATUSES, error);
  }

  async onFailed(operation: Operation, error: OperationError): Promise<void> {
    await this.failures.record(onNewSite(operation), CLONE_STATUSES, error);
    await this.transfer.discard(this.transfer.keyOf(operation.tenantId, operation.operationId));
  }
}

/** The recorder fails the operation's resource: here the new site, whichever site the API named. */
function onNewSite(operation: Operation): Operation {
  const { siteId } = launchedPayload<SiteClonePayload>(operation);
  return siteId ? { ...operation, resourceId: siteId } : operation;
}
