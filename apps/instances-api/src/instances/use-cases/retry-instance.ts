import type { OperationDao } from '@bbws/data-access-operations';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import { RETRYABLE_STATUSES, RETRY_STATUS_BY_OPERATION, refuseRetry } from '../instance-status.rules';
import type { ActionRequest } from './instance-actions';
import type { InstanceOperations } from './instance-operations';

/** How far back `/retry` looks for the failed operation (they run one at a time, so it is the newest). */
const RECENT_OPERATIONS = 20;

const INSTANCE_CONTRACTS: Readonly<Record<string, MessageContract>> = {
  INSTANCE_PROVISION: MESSAGES.INSTANCE_PROVISION,
  INSTANCE_UPDATE: MESSAGES.INSTANCE_UPDATE,
  INSTANCE_SCALE: MESSAGES.INSTANCE_SCALE,
  INSTANCE_SUSPEND: MESSAGES.INSTANCE_SUSPEND,
  INSTANCE_RESUME: MESSAGES.INSTANCE_RESUME,
  INSTANCE_PARK: MESSAGES.INSTANCE_PARK,
  INSTANCE_UNPARK: MESSAGES.INSTANCE_UNPARK,
  INSTANCE_DEPROVISION: MESSAGES.INSTANCE_DEPROVISION,
};

/**
 * `/retry` of a FAILED or WORKFLOW_FAILED instance: a new operation of the failed one's type with its
 * payload, the instance back in the status that operation started it in, its `lastError` cleared.
 */
export class RetryInstance {
  constructor(
    private readonly operations: Pick<InstanceOperations, 'loadForAdmin' | 'launch'>,
    private readonly history: Pick<OperationDao, 'listByResource'>,
  ) {}

  async retry(request: ActionRequest): Promise<Operation> {
    const instance = await this.operations.loadForAdmin(request.caller, request.tenantId, request.instanceId);
    const failed = RETRYABLE_STATUSES.includes(instance.status) ? await this.lastFailed(request) : null;
    const contract = failed?.dispatch ? INSTANCE_CONTRACTS[failed.dispatch.message.messageType] : undefined;
    const to = failed ? RETRY_STATUS_BY_OPERATION[failed.type] : undefined;
    if (RETRYABLE_STATUSES.includes(instance.status) && (!failed?.dispatch || !contract || !to))
      throw new BusinessRuleError('NOTHING_TO_RETRY', 'No failed operation of this instance can be re-run', {
        currentStatus: instance.status,
      });
    return this.operations.launch({
      caller: request.caller,
      instance,
      ifMatch: request.ifMatch,
      from: RETRYABLE_STATUSES,
      to: to ?? 'PENDING_PROVISIONING',
      changes: { lastError: null },
      refuse: (current) => refuseRetry(current.status),
      contract: contract ?? MESSAGES.INSTANCE_PROVISION,
      payload: failed?.dispatch?.message.payload ?? {},
      correlationId: request.correlationId,
    });
  }

  private async lastFailed(request: ActionRequest): Promise<Operation | null> {
    const page = await this.history.listByResource(
      request.tenantId,
      request.instanceId,
      {},
      { pageSize: RECENT_OPERATIONS },
    );
    return page.items.find((operation) => operation.status === 'FAILED') ?? null;
  }
}
