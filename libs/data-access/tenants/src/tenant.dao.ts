import {
  TransactionBuilder,
  batchGetItems,
  deleteKey,
  inKeyOrder,
  paginatedQuery,
  put,
  putNew,
  staleOrMissing,
  versionedUpdate,
  type DynamoContext,
  type TransactItem,
  getItem,
} from '@bbws/data-access-dynamo';
import { AlreadyExistsError, ItemMissingError, NameTakenError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { epochSeconds, addDays, normalizeName } from '@bbws/shared-util';
import type { AuditEvent, Tenant, TenantStatus } from './tenant.entity';
import { tenantKeys } from './tenant.keys';
import {
  fromAuditItem,
  fromTenantItem,
  tenantIndexAttributes,
  toAuditItem,
  toTenantItem,
} from './tenant.mapper';

export type TenantChanges = Partial<
  Pick<Tenant, 'organizationName' | 'contactEmail' | 'tier' | 'status' | 'statusReason' | 'metadata'>
>;

export interface TenantDaoOptions {
  auditRetentionDays: number;
}

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
    await new TransactionBuilder()
      .add(
        putNew(this.table, {
          ...tenantKeys.orgNameGuard(normalized),
          entityType: 'ORGNAME_GUARD',
          tenantId: tenant.tenantId,
        }),
        () => nameTaken(tenant.organizationName),
      )
      .add(putNew(this.table, toTenantItem(tenant)), () => new AlreadyExistsError('TENANT', tenant.tenantId))
      .add(this.auditPut(audit), () => new AlreadyExistsError('TENANT', tenant.tenantId))
      .commit(this.db.client);
  }

  async get(tenantId: string): Promise<Tenant | null> {
    const item = await getItem(this.db.client, this.table, tenantKeys.tenant(tenantId), {
      consistent: false,
    });
    return item ? fromTenantItem(item) : null;
  }

  /** Tenants by id in one round trip per 100, in the order asked (missing ones left out). */
  async getMany(tenantIds: string[]): Promise<Tenant[]> {
    const keys = tenantIds.map((id) => tenantKeys.tenant(id));
    const found = await batchGetItems(this.db.client, this.table, keys, { consistent: false });
    return inKeyOrder(keys, found).map(fromTenantItem);
  }

  /**
   * Applies changes if the tenant is still at `expectedVersion`, moving the name guard on a rename,
   * with the audit event in the same transaction. Returns the tenant as written.
   */
  async update(
    current: Tenant,
    expectedVersion: number,
    changes: TenantChanges,
    actor: string,
    audit: AuditEvent,
  ): Promise<Tenant> {
    const now = this.db.clock.now().toISOString();
    const next: Tenant = {
      ...current,
      ...changes,
      updatedAt: now,
      updatedBy: actor,
      version: expectedVersion + 1,
    };
    const renamed = () => nameTaken(next.organizationName);
    const tx = new TransactionBuilder()
      .add(
        versionedUpdate({
          tableName: this.table,
          key: tenantKeys.tenant(current.tenantId),
          set: { ...changes, ...tenantIndexAttributes(next), updatedAt: now, updatedBy: actor },
          expectedVersion,
        }),
        staleOrMissing(expectedVersion, () => new ItemMissingError('TENANT', current.tenantId)),
      )
      .add(this.auditPut(audit), renamed);
    const oldName = normalizeName(current.organizationName);
    const newName = normalizeName(next.organizationName);
    if (oldName !== newName) {
      tx.add(
        putNew(this.table, {
          ...tenantKeys.orgNameGuard(newName),
          entityType: 'ORGNAME_GUARD',
          tenantId: current.tenantId,
        }),
        renamed,
      ).add(deleteKey(this.table, tenantKeys.orgNameGuard(oldName)), renamed);
    }
    await tx.commit(this.db.client);
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
  listByNamePrefix(
    prefix: string,
    status: TenantStatus | undefined,
    page: PageRequest,
  ): Promise<Page<Tenant>> {
    return this.list(
      {
        index: 'GSI3',
        partition: tenantKeys.byName,
        sortKey: { beginsWith: normalizeName(prefix) },
        ...(status
          ? {
              filter: {
                expression: '#status = :status',
                names: { '#status': 'status' },
                values: { ':status': status },
              },
            }
          : {}),
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
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      ...query,
      ...page,
    });
    return { items: result.items.map(fromTenantItem), nextStartAt: result.nextStartAt };
  }
}

function nameTaken(name: string): NameTakenError {
  return new NameTakenError('ORGANIZATION', name);
}
