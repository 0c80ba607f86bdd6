import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { Instance } from './instance.entity';
import { instanceKeys } from './instance.keys';

export const INSTANCE_SCHEMA_VERSION = 1;

/** An instance as stored: the entity plus keys and index attributes. */
export interface InstanceItem extends VersionedItemBase, Instance {
  entityType: 'INSTANCE';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
}

/** Guard items (slug, listener-rule priority) name the instance holding them. */
export interface InstanceGuardItem {
  PK: string;
  SK: string;
  entityType: 'SLUG_GUARD' | 'PRIORITY_GUARD';
  schemaVersion: number;
  tenantId: string;
  instanceId: string;
  createdAt: string;
  updatedAt: string;
}

/** Maps an ECS service (named in runtime events) to its instance. */
export interface RuntimeLookupItem {
  PK: string;
  SK: string;
  entityType: 'RUNTIME_LOOKUP';
  schemaVersion: number;
  tenantId: string;
  instanceId: string;
  environment: string;
  serviceName: string;
  createdAt: string;
  updatedAt: string;
}

/** The index attributes that follow the instance's id, status and last change. */
export function instanceIndexAttributes(
  instance: Pick<Instance, 'instanceId' | 'tenantId' | 'environment' | 'status' | 'updatedAt'>,
) {
  return {
    GSI1PK: instanceKeys.byId(instance.instanceId),
    GSI1SK: instanceKeys.byIdSort,
    GSI2PK: instanceKeys.fleet(instance.environment, instance.status),
    GSI2SK: instanceKeys.fleetSort(instance.updatedAt, instance.tenantId),
  };
}

export function toInstanceItem(instance: Instance): InstanceItem {
  return {
    ...instanceKeys.instance(instance.tenantId, instance.environment),
    ...instanceIndexAttributes(instance),
    entityType: 'INSTANCE',
    schemaVersion: INSTANCE_SCHEMA_VERSION,
    ...instance,
  };
}

export function fromInstanceItem(stored: StoredItem): Instance {
  const item = readItem<InstanceItem>(stored);
  return {
    instanceId: item.instanceId,
    tenantId: item.tenantId,
    environment: item.environment,
    tier: item.tier,
    status: item.status,
    desiredCount: item.desiredCount,
    runningCount: item.runningCount ?? 0,
    cpu: item.cpu,
    memory: item.memory,
    wordpressVersion: item.wordpressVersion,
    endpoint: item.endpoint,
    slug: item.slug,
    opportunityId: item.opportunityId ?? null,
    gitOps: item.gitOps,
    resources: item.resources,
    previousDesiredCount: item.previousDesiredCount ?? null,
    lastError: item.lastError ?? null,
    lastRuntimeEvent: item.lastRuntimeEvent ?? null,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
