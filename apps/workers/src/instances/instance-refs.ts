import type { Instance } from '@bbws/data-access-instances';
import type { ServiceRef } from '@bbws/integrations-compute';
import type { OperationContext } from '@bbws/platform-operations';
import type { InstanceLocator } from './instance-state.writer';

/** The instance an operation runs on, from its tenant and payload. */
export function locatorOf(
  context: OperationContext<{ instanceId: string; environment: Instance['environment'] }>,
): InstanceLocator {
  return {
    tenantId: context.operation.tenantId,
    environment: context.payload.environment,
    instanceId: context.payload.instanceId,
  };
}

export function serviceOf(instance: Instance): ServiceRef {
  return {
    environment: instance.environment,
    cluster: instance.resources.cluster,
    serviceName: instance.resources.serviceName,
  };
}
