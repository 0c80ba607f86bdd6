import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type SiteCreationPayload,
} from '@bbws/shared-contracts';
import type { SiteCreationService } from './site-creation.service';
import type { SiteFailureRecorder } from './site-failure.recorder';

const CREATION_STATUSES = ['PROVISIONING'] as const;

/** `bbws-wp-site-creation`: SITE_CREATION. */
export class SiteCreationHandler implements OperationHandler<SiteCreationPayload> {
  readonly contract = MESSAGES.SITE_CREATION;

  constructor(
    private readonly creation: SiteCreationService,
    private readonly failures: SiteFailureRecorder,
  ) {}

  run(context: OperationContext<SiteCreationPayload>) {
    return this.creation.create(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, CREATION_STATUSES, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, CREATION_STATUSES, error);
  }
}
