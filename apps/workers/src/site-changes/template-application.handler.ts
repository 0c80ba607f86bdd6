import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type Operation,
  type OperationError,
  type TemplateApplicationPayload,
} from '@bbws/shared-contracts';
import type { SiteChangeFailures } from './site-change-failures';
import type { TemplateApplicationService } from './template-application.service';

/** `bbws-wp-site-update`: TEMPLATE_APPLICATION. */
export class TemplateApplicationHandler implements OperationHandler<TemplateApplicationPayload> {
  readonly contract = MESSAGES.TEMPLATE_APPLICATION;

  constructor(
    private readonly templates: TemplateApplicationService,
    private readonly failures: SiteChangeFailures,
  ) {}

  run(context: OperationContext<TemplateApplicationPayload>) {
    return this.templates.apply(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, error);
  }
}
