import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type SiteUpdatePayload,
} from '@bbws/shared-contracts';
import type { SiteChangeFailures } from './site-change-failures';
import type { SiteSettingsService } from './site-settings.service';

/** `bbws-wp-site-update`: SITE_UPDATE (name and settings). */
export class SiteUpdateHandler implements OperationHandler<SiteUpdatePayload> {
  readonly contract = MESSAGES.SITE_UPDATE;

  constructor(
    private readonly settings: SiteSettingsService,
    private readonly failures: SiteChangeFailures,
  ) {}

  run(context: OperationContext<SiteUpdatePayload>) {
    return this.settings.update(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, error);
  }
}
