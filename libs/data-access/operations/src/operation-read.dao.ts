import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { paginatedQuery } from '@bbws/data-access-dynamo';
import type { Operation, OperationStatus } from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { asOperationItem } from './operation.item';
import { operationKeys } from './operation.keys';
import { fromOperationItem } from './operation.mapper';
import type { OperationWrites } from './operation-writes';

export interface OperationListFilter {
  status?: OperationStatus;
  type?: string;
}

/** Reads of operations: one by id, the lock holder of a resource, lists by tenant, resource and staleness. */
export class OperationReadDao {
  constructor(private readonly writes: OperationWrites) {}

  get(operationId: string): Promise<Operation | null> {
    return this.writes.get(operationId);
  }

  /** The id of the operation holding the resource's lock (for `_links.operation`), or null. */
  async activeOperationId(resourceId: string): Promise<string | null> {
    const { Item } = await this.writes.db.client.send(
      new GetCommand({ TableName: this.writes.table, Key: operationKeys.lock(resourceId) }),
    );
    return typeof Item?.operationId === 'string' ? Item.operationId : null;
  }

  /** A tenant's operations, newest first (GSI1), optionally of one status and/or type. */
  listByTenant(tenantId: string, filter: OperationListFilter, page: PageRequest): Promise<Page<Operation>> {
    return this.list('GSI1', operationKeys.byTenant(tenantId), filter, page);
  }

  /** The operations on one resource of a tenant, newest first (GSI2); the tenant is checked on every item. */
  listByResource(
    tenantId: string,
    resourceId: string,
    filter: OperationListFilter,
    page: PageRequest,
  ): Promise<Page<Operation>> {
    return this.list('GSI2', operationKeys.byResource(resourceId), { ...filter, tenantId }, page);
  }

  /** Non-terminal operations in `status` not updated since `updatedBefore`, oldest first (GSI3; the sweeper's). */
  async listStale(
    status: 'PENDING' | 'IN_PROGRESS',
    updatedBefore: Date,
    limit: number,
  ): Promise<Operation[]> {
    const found: Operation[] = [];
    let startAt: string | undefined;
    do {
      const page = await paginatedQuery(this.writes.db.client, this.writes.db.cursors, {
        tableName: this.writes.table,
        index: 'GSI3',
        partition: operationKeys.byStatus(status),
        sortKey: { lessThan: updatedBefore.toISOString() },
        pageSize: Math.min(100, limit - found.length),
        ...(startAt ? { startAt } : {}),
      });
      found.push(...page.items.map((item) => fromOperationItem(asOperationItem(item))));
      startAt = page.nextStartAt ?? undefined;
    } while (startAt && found.length < limit);
    return found;
  }

  private async list(
    index: 'GSI1' | 'GSI2',
    partition: string,
    filter: OperationListFilter & { tenantId?: string },
    page: PageRequest,
  ): Promise<Page<Operation>> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    for (const field of ['tenantId', 'status', 'type'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      conditions.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
    }
    const result = await paginatedQuery(this.writes.db.client, this.writes.db.cursors, {
      tableName: this.writes.table,
      index,
      partition,
      descending: true,
      ...(conditions.length ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      ...page,
    });
    return {
      items: result.items.map((item) => fromOperationItem(asOperationItem(item))),
      nextStartAt: result.nextStartAt,
    };
  }
}
