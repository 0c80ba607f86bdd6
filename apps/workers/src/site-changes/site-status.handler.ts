import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type SiteStatusChangePayload,
} from '@bbws/shared-contracts';
import type { SiteChangeFailures } from './site-change-failures';
import type { SiteStatusService } from './site-status.service';

/** `bbws-wp-site-update`: SITE_STATUS_CHANGE (suspend, resume, undelete). */
export class SiteStatusHandler implements OperationHandler<SiteStatusChangePayload> {
  readonly contract = MESSAGES.SITE_STATUS_CHANGE;

  constructor(
    private readonly status: SiteStatusService,
    private readonly failures: SiteChangeFailures,
  ) {}

  run(context: OperationContext<SiteStatusChangePayload>) {
    return this.status.change(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, error);
  }
}
