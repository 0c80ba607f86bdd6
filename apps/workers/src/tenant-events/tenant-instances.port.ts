import type { TenantLifecycleAction } from '@bbws/shared-contracts';

/**
 * Extension point for the instance fan-out of tenant lifecycle operations: suspending a tenant
 * suspends its instances, and so on. The instances feature implements it (one INSTANCE_* operation
 * per instance, awaited); until then no port is registered and the lifecycle plans no such step.
 */
export interface TenantInstancesLifecycle {
  /** The step the fan-out appears as in the operation, e.g. `suspend-instances`. */
  stepName(action: TenantLifecycleAction): string;
  apply(
    tenantId: string,
    action: TenantLifecycleAction,
    context: { operationId: string; signal: AbortSignal },
  ): Promise<void>;
}
