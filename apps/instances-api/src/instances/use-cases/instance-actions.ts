import type { Instance, InstanceTierName } from '@bbws/data-access-instances';
import type { Caller } from '@bbws/platform-auth';
import { desiredCountRange } from '@bbws/shared-config';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { ValidationError } from '@bbws/shared-errors';
import { INSTANCE_ACTIONS, refuseAction, type InstanceAction } from '../instance-status.rules';
import type { InstanceOperations } from './instance-operations';

export interface InstanceUpdateInput {
  tier?: InstanceTierName;
  desiredCount?: number;
  wordpressVersion?: string;
}

export type LifecycleAction = 'SUSPEND' | 'RESUME' | 'PARK' | 'UNPARK';

/** Who asks what of which instance, with the request id that becomes the messages' correlation id. */
export interface ActionRequest {
  caller: Caller;
  tenantId: string;
  instanceId: string;
  correlationId: string;
  ifMatch?: number;
}

const LIFECYCLE_CONTRACTS = {
  SUSPEND: MESSAGES.INSTANCE_SUSPEND,
  RESUME: MESSAGES.INSTANCE_RESUME,
  PARK: MESSAGES.INSTANCE_PARK,
  UNPARK: MESSAGES.INSTANCE_UNPARK,
} as const;

/**
 * Update (GitOps apply), scale, suspend / resume / park / unpark (runtime) and delete (GitOps destroy) of
 * an existing instance, each accepted as an operation the instance workers run.
 */
export class InstanceActions {
  constructor(private readonly operations: Pick<InstanceOperations, 'loadForAdmin' | 'launch'>) {}

  async update(request: ActionRequest, input: InstanceUpdateInput): Promise<Operation> {
    if (input.tier === undefined && input.desiredCount === undefined && input.wordpressVersion === undefined)
      throw new ValidationError('Give at least one of tier, desiredCount, wordpressVersion', [
        { field: 'tier', messages: ['one of tier, desiredCount, wordpressVersion is required'] },
      ]);
    const instance = await this.load(request);
    if (input.desiredCount !== undefined) assertDesiredCount(instance, input.desiredCount);
    return this.start(request, instance, 'UPDATE', MESSAGES.INSTANCE_UPDATE, {
      instanceId: instance.instanceId,
      environment: instance.environment,
      ...input,
    });
  }

  async scale(request: ActionRequest, desiredCount: number): Promise<Operation> {
    const instance = await this.load(request);
    assertDesiredCount(instance, desiredCount);
    return this.start(request, instance, 'SCALE', MESSAGES.INSTANCE_SCALE, {
      instanceId: instance.instanceId,
      environment: instance.environment,
      desiredCount,
    });
  }

  /** Suspend and park say why (the reason stays on the operation); resume and unpark may add a note. */
  async lifecycle(request: ActionRequest, action: LifecycleAction, reason?: string): Promise<Operation> {
    if ((action === 'SUSPEND' || action === 'PARK') && !reason)
      throw ValidationError.field('reason', `is required to ${action.toLowerCase()} an instance`);
    const instance = await this.load(request);
    return this.start(request, instance, action, LIFECYCLE_CONTRACTS[action], {
      instanceId: instance.instanceId,
      environment: instance.environment,
      ...(reason ? { reason } : {}),
    });
  }

  async deprovision(request: ActionRequest): Promise<Operation> {
    const instance = await this.load(request);
    return this.start(request, instance, 'DEPROVISION', MESSAGES.INSTANCE_DEPROVISION, {
      instanceId: instance.instanceId,
      environment: instance.environment,
    });
  }

  private load(request: ActionRequest): Promise<Instance> {
    return this.operations.loadForAdmin(request.caller, request.tenantId, request.instanceId);
  }

  private start<P extends object>(
    request: ActionRequest,
    instance: Instance,
    action: InstanceAction,
    contract: MessageContract<P>,
    payload: P,
  ): Promise<Operation> {
    const { from, to } = INSTANCE_ACTIONS[action];
    return this.operations.launch({
      caller: request.caller,
      instance,
      ifMatch: request.ifMatch,
      from,
      to,
      refuse: (current) => refuseAction(current.status, action),
      contract,
      payload,
      correlationId: request.correlationId,
    });
  }
}

/** 2-10 tasks in PROD, 1-10 elsewhere (the request DTO already bounds it to 1-10). */
function assertDesiredCount(instance: Instance, desiredCount: number): void {
  const { min, max } = desiredCountRange(instance.environment);
  if (desiredCount < min || desiredCount > max)
    throw ValidationError.field(
      'desiredCount',
      `must be between ${min} and ${max} in ${instance.environment}`,
    );
}
