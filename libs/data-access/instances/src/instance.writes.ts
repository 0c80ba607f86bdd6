import {
  deleteKey,
  extraWrites,
  putNew,
  storedVersion,
  versionedUpdate,
  type ExtraWrites,
  type TransactionEntry,
  type TransactItem,
  readItem,
} from '@bbws/data-access-dynamo';
import { ConcurrentChangeError, ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import type { Instance, InstanceGitOps, InstanceResources, InstanceStatus } from './instance.entity';
import { InstanceExistsError, InstanceGuardTakenError, InstanceStatusChangedError } from './instance.errors';
import { instanceKeys } from './instance.keys';
import {
  instanceIndexAttributes,
  toInstanceItem,
  type InstanceGuardItem,
  type InstanceItem,
} from './instance.mapper';

/** What a change may set; `gitOps` and `resources` are merged into the current ones. */
export type InstanceChanges = Partial<
  Pick<
    Instance,
    | 'status'
    | 'tier'
    | 'desiredCount'
    | 'runningCount'
    | 'cpu'
    | 'memory'
    | 'wordpressVersion'
    | 'previousDesiredCount'
    | 'lastError'
    | 'lastRuntimeEvent'
  >
> & { gitOps?: Partial<InstanceGitOps>; resources?: Partial<InstanceResources> };

/** A conditional change: at `expectedVersion`, and (when given) in one of `expectedStatuses`. */
export interface InstanceChange {
  expectedVersion: number;
  expectedStatuses?: readonly InstanceStatus[];
  changes: InstanceChanges;
}

/** The instance after `change`, as the write stores it. */
export function applyChange(current: Instance, change: InstanceChange, now: string): Instance {
  const { gitOps, resources, ...rest } = change.changes;
  return {
    ...current,
    ...rest,
    gitOps: { ...current.gitOps, ...gitOps },
    resources: { ...current.resources, ...resources },
    updatedAt: now,
    version: change.expectedVersion + 1,
  };
}

/** Builds the items of the instances table's transactions; failures map to the store's domain errors. */
export class InstanceWrites {
  constructor(readonly table: string) {}

  /** The new instance (replacing a DEPROVISIONED one in its environment) with its slug and priority guards. */
  create(instance: Instance): TransactionEntry[] {
    const guard = (entityType: InstanceGuardItem['entityType'], key: { PK: string; SK: string }) =>
      putNew(this.table, {
        ...key,
        entityType,
        schemaVersion: 1,
        tenantId: instance.tenantId,
        instanceId: instance.instanceId,
        createdAt: instance.createdAt,
        updatedAt: instance.createdAt,
      } satisfies InstanceGuardItem);
    const { resources, environment, slug } = instance;
    return [
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...toInstanceItem(instance) },
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :deprovisioned',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':deprovisioned': 'DEPROVISIONED' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        (old) =>
          new InstanceExistsError(environment, old ? readItem<InstanceItem>(old).instanceId : undefined),
      ],
      [
        guard('SLUG_GUARD', instanceKeys.slugGuard(environment, slug)),
        () => new InstanceGuardTakenError('SLUG', slug),
      ],
      [
        guard('PRIORITY_GUARD', instanceKeys.priorityGuard(environment, resources.listenerRulePriority)),
        () => new InstanceGuardTakenError('PRIORITY', String(resources.listenerRulePriority)),
      ],
    ];
  }

  /** A conditional update of `current` (see {@link InstanceChange}). */
  change(current: Instance, change: InstanceChange, now: string): TransactionEntry {
    const next = applyChange(current, change, now);
    const { gitOps, resources, ...rest } = change.changes;
    const statuses = change.expectedStatuses ?? [];
    const values = Object.fromEntries(statuses.map((status, i) => [`:s${i}`, status]));
    return [
      versionedUpdate({
        tableName: this.table,
        key: instanceKeys.instance(current.tenantId, current.environment),
        set: {
          ...rest,
          ...(gitOps ? { gitOps: next.gitOps } : {}),
          ...(resources ? { resources: next.resources } : {}),
          ...instanceIndexAttributes(next),
          updatedAt: now,
        },
        expectedVersion: change.expectedVersion,
        ...(statuses.length
          ? {
              condition: {
                expression: `#status IN (${Object.keys(values).join(', ')})`,
                names: { '#status': 'status' },
                values,
              },
            }
          : {}),
      }),
      (old) => {
        if (!old) return new ItemMissingError('INSTANCE', current.instanceId);
        const stored = readItem<InstanceItem>(old);
        if (stored.version !== change.expectedVersion)
          return new VersionConflictError(change.expectedVersion, storedVersion(old));
        return new InstanceStatusChangedError(stored.status, statuses);
      },
    ];
  }

  /** Frees the instance's slug and listener-rule priority and drops its runtime lookup (on DEPROVISIONED). */
  releaseGuards(instance: Instance): TransactionEntry[] {
    const { environment, slug, resources } = instance;
    return [
      [deleteKey(this.table, instanceKeys.slugGuard(environment, slug))],
      [deleteKey(this.table, instanceKeys.priorityGuard(environment, resources.listenerRulePriority))],
      [deleteKey(this.table, instanceKeys.runtimeLookup(environment, resources.serviceName))],
    ];
  }
}

const concurrentChange = () => new ConcurrentChangeError();

/** Entries as writes another store's transaction commits (the operation launcher, the operation runner). */
export function asExtraWrites(entries: readonly TransactionEntry[]): ExtraWrites {
  const items: TransactItem[] = entries.map(([item]) => item);
  return extraWrites(items, ({ index, item }) => (entries[index][1] ?? concurrentChange)(item));
}
