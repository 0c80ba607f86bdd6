import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  getItem,
  readItem,
  type DynamoContext,
  type ExtraWrites,
  type KeyQuery,
} from '@bbws/data-access-dynamo';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { filledPage } from './filled-page';
import type { Site, SiteStatus } from './site.entity';
import { siteKeys } from './site.keys';
import { fromSiteItem, type SiteCountItem, type SubdomainGuardItem } from './site.mapper';
import {
  SiteWrites,
  applySiteChange,
  asExtraWrites,
  type SiteChange,
  type SubdomainGuardRelease,
} from './site.writes';

export interface SiteListFilter {
  environment?: HostingEnvironment;
  status?: SiteStatus;
  /** The sites of one promotion lineage share their subdomain across environments. */
  subdomain?: string;
}

/**
 * The sites table's site items, subdomain guards and per tenant-environment site counts. Creation and
 * API-driven changes are handed to the operation launcher as extra writes, so the site, its guard, its
 * quota slot, the operation and the resource lock commit in one transaction.
 */
export class SiteDao {
  private readonly writes: SiteWrites;

  constructor(private readonly db: DynamoContext) {
    this.writes = new SiteWrites(db.tables.sites);
  }

  private get table(): string {
    return this.db.tables.sites;
  }

  /**
   * The new site with its subdomain guard and a slot of the tenant's `quota` in its environment, for the
   * launcher's transaction. Failures: SubdomainTakenError, QuotaExceededError, AlreadyExistsError (id).
   */
  createWrites(site: Site, quota: number): ExtraWrites {
    return asExtraWrites(this.writes.create(site, quota));
  }

  /**
   * A promotion's first target (same subdomain, next environment) for the launcher's transaction: the
   * tenant must hold the subdomain's guard. Failures: SubdomainTakenError, QuotaExceededError.
   */
  createPromotionTargetWrites(site: Site, quota: number): ExtraWrites {
    return asExtraWrites(this.writes.createPromotionTarget(site, quota));
  }

  /** Stores a new site on its own (no operation); same failures as {@link createWrites}. */
  async create(site: Site, quota: number): Promise<void> {
    await new TransactionBuilder().addAll(this.writes.create(site, quota)).commit(this.db.client);
  }

  async get(tenantId: string, siteId: string): Promise<Site | null> {
    const item = await getItem(this.db.client, this.table, siteKeys.site(tenantId, siteId));
    return item ? fromSiteItem(item) : null;
  }

  /** By id (GSI1, eventually consistent): for workers and events, which know only the id. */
  async getById(siteId: string): Promise<Site | null> {
    const { Items } = await this.db.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
        ExpressionAttributeValues: { ':pk': siteKeys.byId(siteId), ':sk': siteKeys.byIdSort },
      }),
    );
    return Items?.length ? fromSiteItem(Items[0]) : null;
  }

  /** Who holds a subdomain (tenant and site), or null when it is free. */
  async subdomainHolder(subdomain: string): Promise<{ tenantId: string; siteId: string } | null> {
    const item = await getItem(this.db.client, this.table, siteKeys.subdomainGuard(subdomain));
    if (!item) return null;
    const { tenantId, siteId } = readItem<SubdomainGuardItem>(item);
    return { tenantId, siteId };
  }

  /** The tenant's live (not DELETED) sites in one environment, as the quota counts them. */
  async countLive(tenantId: string, environment: HostingEnvironment): Promise<number> {
    const item = await getItem(this.db.client, this.table, siteKeys.siteCount(tenantId, environment));
    return item ? readItem<SiteCountItem>(item).count : 0;
  }

  /**
   * A tenant's sites in id order, optionally of one environment and/or status: one Query of the tenant's
   * partition per batch, the filters applied by DynamoDB, pages filled a bounded number of times.
   */
  async listByTenant(tenantId: string, filter: SiteListFilter, page: PageRequest): Promise<Page<Site>> {
    const result = await filledPage(this.db, this.tenantList(tenantId, filter), page);
    return { items: result.items.map(fromSiteItem), nextStartAt: result.nextStartAt };
  }

  /** The sites one instance serves, in id order (GSI3), DELETED ones included. */
  async listByInstance(instanceId: string, page: PageRequest): Promise<Page<Site>> {
    const list = {
      tableName: this.table,
      index: 'GSI3' as const,
      partition: siteKeys.byInstance(instanceId),
    };
    const result = await filledPage(this.db, list, page);
    return { items: result.items.map(fromSiteItem), nextStartAt: result.nextStartAt };
  }

  /** One environment's sites in one status, oldest change first (GSI2: fleet views, stuck-state sweeps). */
  async listFleet(
    environment: HostingEnvironment,
    status: SiteStatus,
    page: PageRequest,
  ): Promise<Page<Site>> {
    const list = {
      tableName: this.table,
      index: 'GSI2' as const,
      partition: siteKeys.fleet(environment, status),
    };
    const result = await filledPage(this.db, list, page);
    return { items: result.items.map(fromSiteItem), nextStartAt: result.nextStartAt };
  }

  /** A conditional change for another store's transaction (the launcher's, an operation's completion). */
  changeWrites(current: Site, change: SiteChange): ExtraWrites {
    return asExtraWrites([this.writes.change(current, change, this.now())]);
  }

  /**
   * Applies a conditional change and returns the site as written. Failures: VersionConflictError,
   * SiteStatusChangedError (right version, status outside `expectedStatuses`), ItemMissingError.
   */
  async change(current: Site, change: SiteChange): Promise<Site> {
    const now = this.now();
    await new TransactionBuilder().add(...this.writes.change(current, change, now)).commit(this.db.client);
    return applySiteChange(current, change, now);
  }

  /**
   * DELETED with the quota slot returned and the subdomain's guard released as `guard` says (default:
   * freed), all or nothing, for another store's transaction.
   */
  markDeletedWrites(
    current: Site,
    expectedVersion: number,
    guard: SubdomainGuardRelease = { release: true },
  ): ExtraWrites {
    return asExtraWrites(this.writes.markDeleted(current, expectedVersion, this.now(), guard));
  }

  /** {@link markDeletedWrites} on its own; returns the site as written. */
  async markDeleted(
    current: Site,
    expectedVersion: number,
    guard: SubdomainGuardRelease = { release: true },
  ): Promise<Site> {
    const now = this.now();
    await new TransactionBuilder()
      .addAll(this.writes.markDeleted(current, expectedVersion, now, guard))
      .commit(this.db.client);
    return { ...current, status: 'DELETED', updatedAt: now, version: expectedVersion + 1 };
  }

  private tenantList(tenantId: string, filter: SiteListFilter): Omit<KeyQuery, 'pageSize' | 'startAt'> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (filter.environment) {
      conditions.push('#environment = :environment');
      names['#environment'] = 'environment';
      values[':environment'] = filter.environment;
    }
    if (filter.subdomain) {
      conditions.push('#subdomain = :subdomain');
      names['#subdomain'] = 'subdomain';
      values[':subdomain'] = filter.subdomain;
    }
    if (filter.status) {
      conditions.push('#status = :status');
      names['#status'] = 'status';
      values[':status'] = filter.status;
    }
    return {
      tableName: this.table,
      partition: siteKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: siteKeys.sitePrefix },
      ...(conditions.length ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
    };
  }

  private now(): string {
    return this.db.clock.now().toISOString();
  }
}
