import type { InstanceDao, Instance, InstanceStatus } from '@bbws/data-access-instances';
import type { OperationLauncher } from '@bbws/platform-operations';
import type { MessageContract, Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';

/**
 * What instances-api does when it accepts an action: the instance's transitional status (its last error
 * cleared), the operation and its lock, in one transaction; then the message.
 */
export async function launchInstanceOperation<P extends object>(
  launcher: OperationLauncher,
  instances: InstanceDao,
  instance: Instance,
  operation: { contract: MessageContract<P>; to: InstanceStatus; payload: P },
): Promise<Operation> {
  const current = (await instances.get(instance.tenantId, instance.environment))!;
  return launcher.launch({
    contract: operation.contract,
    tenantId: instance.tenantId,
    resourceType: 'instance',
    resourceId: instance.instanceId,
    createdBy: 'admin-1',
    correlationId: newId('evt'),
    payload: operation.payload,
    extra: instances.changeWrites(current, {
      expectedVersion: current.version,
      expectedStatuses: [current.status],
      changes: { status: operation.to, lastError: null },
    }),
  });
}
