import type { TenantLifecycleAction } from '@bbws/shared-contracts';

/** What the tenant operation records about the instance operations it started (its result lists them). */
export interface InstanceChildOperation {
  operationId: string;
  instanceId: string;
  environment: string;
  status: string;
}

/** The tenant operation the fan-out runs in: child operations inherit its author and correlation id. */
export interface FanOutContext {
  operationId: string;
  createdBy: string;
  correlationId: string;
  reason?: string;
  signal: AbortSignal;
}

/**
 * Extension point for the instance fan-out of tenant lifecycle operations: suspending a tenant
 * suspends its instances, and so on (one INSTANCE_* operation per instance, awaited). Without a
 * registered port the lifecycle plans no such step.
 */
export interface TenantInstancesLifecycle {
  /** The step the fan-out appears as in the operation, e.g. `suspend-instances`. */
  stepName(action: TenantLifecycleAction): string;
  apply(
    tenantId: string,
    action: TenantLifecycleAction,
    context: FanOutContext,
  ): Promise<{ operations: InstanceChildOperation[] } | void>;
}
