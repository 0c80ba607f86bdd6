import type { OperationContext, OperationHandler, OperationOutcome } from '@bbws/platform-operations';
import { MESSAGES, type TenantLifecycleRequestedPayload } from '@bbws/shared-contracts';
import type { TenantLifecycleService } from './tenant-lifecycle.service';

/** `bbws-tenant-events`: TENANT_LIFECYCLE_REQUESTED operations (suspend, resume, park, unpark). */
export class TenantLifecycleConsumer implements OperationHandler<TenantLifecycleRequestedPayload> {
  readonly contract = MESSAGES.TENANT_LIFECYCLE_REQUESTED;

  constructor(private readonly lifecycle: TenantLifecycleService) {}

  run(context: OperationContext<TenantLifecycleRequestedPayload>): Promise<OperationOutcome> {
    return this.lifecycle.apply(context);
  }
}
