import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  getItem,
  paginatedQuery,
  type DynamoContext,
  type ExtraWrites,
} from '@bbws/data-access-dynamo';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Instance, InstanceStatus } from './instance.entity';
import { instanceKeys } from './instance.keys';
import { fromInstanceItem } from './instance.mapper';
import { InstanceWrites, applyChange, asExtraWrites, type InstanceChange } from './instance.writes';

/**
 * The instances table's instance items and guards. Creation and API-driven changes are handed to the
 * operation launcher as extra writes, so the instance, its guards, the operation and the resource lock
 * commit in one transaction; workers change instances directly or with their operation's completion.
 */
export class InstanceDao {
  private readonly writes: InstanceWrites;

  constructor(private readonly db: DynamoContext) {
    this.writes = new InstanceWrites(db.tables.instances);
  }

  private get table(): string {
    return this.db.tables.instances;
  }

  /**
   * The new instance with its slug guard and listener-rule priority reservation, for the launcher's
   * transaction. Failures: InstanceExistsError (the environment has a live instance), InstanceGuardTakenError.
   */
  createWrites(instance: Instance): ExtraWrites {
    return asExtraWrites(this.writes.create(instance));
  }

  /** Stores a new instance on its own (no operation); same failures as {@link createWrites}. */
  async create(instance: Instance): Promise<void> {
    await new TransactionBuilder().addAll(this.writes.create(instance)).commit(this.db.client);
  }

  async get(tenantId: string, environment: string): Promise<Instance | null> {
    const item = await getItem(this.db.client, this.table, instanceKeys.instance(tenantId, environment));
    return item ? fromInstanceItem(item) : null;
  }

  /** Whether an instance of `environment` holds `slug` (its host `{slug}.{domainSuffix}`): sites-api's host check. */
  async slugTaken(environment: string, slug: string): Promise<boolean> {
    return (await getItem(this.db.client, this.table, instanceKeys.slugGuard(environment, slug))) !== null;
  }

  /** By id (GSI1, eventually consistent): for workers and events, which know only the id. */
  async getById(instanceId: string): Promise<Instance | null> {
    const { Items } = await this.db.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
        ExpressionAttributeValues: { ':pk': instanceKeys.byId(instanceId), ':sk': instanceKeys.byIdSort },
      }),
    );
    return Items?.length ? fromInstanceItem(Items[0]) : null;
  }

  /** A tenant's instance by id: the tenant's partition read, so another tenant's id is never found. */
  async getInTenant(tenantId: string, instanceId: string): Promise<Instance | null> {
    const instances = await this.listByTenant(tenantId);
    return instances.find((instance) => instance.instanceId === instanceId) ?? null;
  }

  /** Every instance record of a tenant (at most one per environment), one Query. */
  async listByTenant(tenantId: string): Promise<Instance[]> {
    const { Items } = await this.db.client.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': instanceKeys.tenantPartition(tenantId),
          ':sk': instanceKeys.instancePrefix,
        },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map(fromInstanceItem);
  }

  /** One environment's instances in one status, oldest change first (GSI2: fleet views, stuck-state sweeps). */
  async listFleet(environment: string, status: InstanceStatus, page: PageRequest): Promise<Page<Instance>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      index: 'GSI2',
      partition: instanceKeys.fleet(environment, status),
      ...page,
    });
    return { items: result.items.map(fromInstanceItem), nextStartAt: result.nextStartAt };
  }

  /** A conditional change for another store's transaction (the launcher's, an operation's completion). */
  changeWrites(current: Instance, change: InstanceChange): ExtraWrites {
    return asExtraWrites([this.writes.change(current, change, this.now())]);
  }

  /**
   * Applies a conditional change and returns the instance as written. Failures: VersionConflictError,
   * InstanceStatusChangedError (right version, status outside `expectedStatuses`), ItemMissingError.
   */
  async change(current: Instance, change: InstanceChange): Promise<Instance> {
    const now = this.now();
    await new TransactionBuilder().add(...this.writes.change(current, change, now)).commit(this.db.client);
    return applyChange(current, change, now);
  }

  /**
   * DEPROVISIONED, with the slug and priority released and the runtime lookup dropped, all or nothing,
   * for another store's transaction.
   */
  deprovisionedWrites(current: Instance, expectedVersion: number): ExtraWrites {
    return asExtraWrites(this.deprovisionEntries(current, expectedVersion, this.now()));
  }

  /** {@link deprovisionedWrites} on its own; returns the instance as written. */
  async markDeprovisioned(current: Instance, expectedVersion: number): Promise<Instance> {
    const now = this.now();
    await new TransactionBuilder()
      .addAll(this.deprovisionEntries(current, expectedVersion, now))
      .commit(this.db.client);
    return applyChange(current, { expectedVersion, changes: { status: 'DEPROVISIONED' } }, now);
  }

  private deprovisionEntries(current: Instance, expectedVersion: number, now: string) {
    const change = { expectedVersion, changes: { status: 'DEPROVISIONED' as const, runningCount: 0 } };
    return [this.writes.change(current, change, now), ...this.writes.releaseGuards(current)];
  }

  private now(): string {
    return this.db.clock.now().toISOString();
  }
}
