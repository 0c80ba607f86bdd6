import { BatchGetCommand, GetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  paginatedQuery,
  put,
  putNew,
  deleteKey,
  transactWrite,
  versionedUpdate,
  type DynamoContext,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import { ConflictError, NotFoundError, PreconditionFailedError, type AppError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { epochSeconds, addDays, normalizeName } from '@bbws/shared-util';
import type { AuditEvent, Tenant, TenantStatus } from './tenant.entity';
import { tenantKeys } from './tenant.keys';
import { fromAuditItem, fromTenantItem, tenantIndexAttributes, toAuditItem, toTenantItem } from './tenant.mapper';

export type TenantChanges = Partial<
  Pick<Tenant, 'organizationName' | 'contactEmail' | 'tier' | 'status' | 'statusReason' | 'metadata'>
>;

export interface TenantDaoOptions {
  auditRetentionDays: number;
}

const BATCH_GET_LIMIT = 100;

export class TenantDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly options: TenantDaoOptions,
  ) {}

  private get table(): string {
    return this.db.tables.tenants;
  }

  /** Tenant, its organization-name guard and the audit event, all or nothing. */
  async create(tenant: Tenant, audit: AuditEvent): Promise<void> {
    const normalized = normalizeName(tenant.organizationName);
    await transactWrite(
      this.db.client,
      [
        putNew(this.table, { ...tenantKeys.orgNameGuard(normalized), entityType: 'ORGNAME_GUARD', tenantId: tenant.tenantId }),
        putNew(this.table, toTenantItem(tenant)),
        this.auditPut(audit),
      ],
      ({ index }) => (index === 0 ? nameTaken(tenant.organizationName) : new ConflictError('CONFLICT', 'Tenant already exists')),
    );
  }

  async get(tenantId: string): Promise<Tenant | null> {
    const { Item } = await this.db.client.send(new GetCommand({ TableName: this.table, Key: tenantKeys.tenant(tenantId) }));
    return Item ? fromTenantItem(Item) : null;
  }

  /** Tenants by id in one round trip per 100, in the order asked (missing ones left out). */
  async getMany(tenantIds: string[]): Promise<Tenant[]> {
    const found = new Map<string, Tenant>();
    for (let start = 0; start < tenantIds.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] | undefined = tenantIds
        .slice(start, start + BATCH_GET_LIMIT)
        .map((id) => tenantKeys.tenant(id));
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await this.db.client.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys } } }));
        for (const item of result.Responses?.[this.table] ?? []) {
          const tenant = fromTenantItem(item);
          found.set(tenant.tenantId, tenant);
        }
        keys = result.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return tenantIds.flatMap((id) => (found.has(id) ? [found.get(id) as Tenant] : []));
  }

  /**
   * Applies changes if the tenant is still at `expectedVersion`, moving the name guard on a rename,
   * with the audit event in the same transaction. Returns the tenant as written.
   */
  async update(current: Tenant, expectedVersion: number, changes: TenantChanges, actor: string, audit: AuditEvent): Promise<Tenant> {
    const now = this.db.clock.now().toISOString();
    const next: Tenant = { ...current, ...changes, updatedAt: now, updatedBy: actor, version: expectedVersion + 1 };
    const items: TransactItem[] = [
      versionedUpdate({
        tableName: this.table,
        key: tenantKeys.tenant(current.tenantId),
        set: { ...changes, ...tenantIndexAttributes(next), updatedAt: now, updatedBy: actor },
        expectedVersion,
      }),
      this.auditPut(audit),
    ];
    const oldName = normalizeName(current.organizationName);
    const newName = normalizeName(next.organizationName);
    if (oldName !== newName) {
      items.push(
        putNew(this.table, { ...tenantKeys.orgNameGuard(newName), entityType: 'ORGNAME_GUARD', tenantId: current.tenantId }),
        deleteKey(this.table, tenantKeys.orgNameGuard(oldName)),
      );
    }
    await transactWrite(this.db.client, items, ({ index, item }): AppError => {
      if (index === 0) {
        return item ? new PreconditionFailedError(expectedVersion, item.version as number) : new NotFoundError('TENANT', current.tenantId);
      }
      return nameTaken(next.organizationName);
    });
    return next;
  }

  /** Changes only the status (and reason) with the audit event; used by overrides and lifecycle flows. */
  async changeStatus(
    current: Tenant,
    expectedVersion: number,
    status: TenantStatus,
    reason: string | null,
    actor: string,
    audit: AuditEvent,
  ): Promise<Tenant> {
    return this.update(current, expectedVersion, { status, statusReason: reason }, actor, audit);
  }

  listAll(page: PageRequest): Promise<Page<Tenant>> {
    return this.list({ index: 'GSI1', partition: tenantKeys.allTenants, descending: true }, page);
  }

  listByStatus(status: TenantStatus, page: PageRequest): Promise<Page<Tenant>> {
    return this.list({ index: 'GSI2', partition: tenantKeys.byStatus(status), descending: true }, page);
  }

  /** Name prefix search (case- and whitespace-insensitive), alphabetical; optional status filter. */
  listByNamePrefix(prefix: string, status: TenantStatus | undefined, page: PageRequest): Promise<Page<Tenant>> {
    return this.list(
      {
        index: 'GSI3',
        partition: tenantKeys.byName,
        sortKey: { beginsWith: normalizeName(prefix) },
        ...(status ? { filter: { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } } } : {}),
      },
      page,
    );
  }

  async listAudit(tenantId: string, page: PageRequest): Promise<Page<AuditEvent>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: tenantKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: tenantKeys.auditPrefix },
      descending: true,
      ...page,
    });
    return { items: result.items.map(fromAuditItem), nextStartAt: result.nextStartAt };
  }

  /** The audit item for a transaction built elsewhere (members, hierarchy, invitations). */
  auditPut(event: AuditEvent): TransactItem {
    const expiresAt = epochSeconds(addDays(new Date(event.timestamp), this.options.auditRetentionDays));
    return put(this.table, toAuditItem(event, expiresAt));
  }

  private async list(
    query: Omit<Parameters<typeof paginatedQuery>[2], 'tableName' | 'pageSize' | 'startAt'>,
    page: PageRequest,
  ): Promise<Page<Tenant>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, { tableName: this.table, ...query, ...page });
    return { items: result.items.map(fromTenantItem), nextStartAt: result.nextStartAt };
  }
}

function nameTaken(name: string): ConflictError {
  return new ConflictError('ORGANIZATION_NAME_TAKEN', `An organization named "${name}" already exists`);
}
