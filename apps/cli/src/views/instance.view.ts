import type { InstancesSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type Instance = InstancesSchemas['schemas']['InstanceResponseDto'];
export type InstanceStatus = InstancesSchemas['schemas']['InstanceStatusResponseDto'];

export const INSTANCE_COLUMNS: Column<Instance>[] = [
  { header: 'instanceId', value: (instance) => instance.instanceId },
  { header: 'environment', value: (instance) => instance.environment },
  { header: 'status', value: (instance) => instance.status },
  { header: 'tasks', value: (instance) => `${instance.runningCount}/${instance.desiredCount}` },
  { header: 'endpoint', value: (instance) => instance.endpoint },
];

export const INSTANCE_FIELDS: Column<Instance>[] = [
  ...INSTANCE_COLUMNS,
  { header: 'tenantId', value: (instance) => instance.tenantId },
  { header: 'tier', value: (instance) => instance.tier },
  { header: 'wordpressVersion', value: (instance) => instance.wordpressVersion },
  { header: 'size', value: (instance) => `${instance.cpu} cpu, ${instance.memory} MiB` },
  {
    header: 'lastError',
    value: (instance) =>
      instance.lastError ? `${instance.lastError.code}: ${instance.lastError.message}` : '',
  },
  { header: 'version', value: (instance) => instance.version },
];

export const INSTANCE_STATUS_FIELDS: Column<InstanceStatus>[] = [
  { header: 'instanceId', value: (status) => status.instanceId },
  { header: 'status', value: (status) => status.status },
  { header: 'health', value: (status) => status.health },
  { header: 'service', value: (status) => status.serviceStatus },
  {
    header: 'tasks',
    value: (status) =>
      `${status.runningCount} running, ${status.pendingCount} pending of ${status.desiredCount}`,
  },
  { header: 'steady', value: (status) => status.steady },
  { header: 'lastEvent', value: (status) => status.lastRuntimeEvent?.message },
  { header: 'observedAt', value: (status) => status.observedAt },
];
