import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  MAX_TRANSACTION_ITEMS,
  TransactionBuilder,
  batchGetItems,
  getItem,
  inKeyOrder,
  paginatedQuery,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import { ItemMissingError, LimitReachedError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { CataloguePlugin } from './catalogue.entity';
import { cataloguePluginKeys } from './catalogue-plugin.keys';
import { fromCataloguePluginItem } from './catalogue-plugin.mapper';
import { listPluginsQuery, queryFilled, type PluginListFilter } from './catalogue-plugin.query';
import { CataloguePluginWrites, type PluginReplacement } from './catalogue-plugin.writes';

/** The catalogue's plugins in the sites table (`CATALOG#PLUGIN`), with their wpSlug guards. */
export class CataloguePluginDao {
  private readonly writes: CataloguePluginWrites;

  constructor(private readonly db: DynamoContext) {
    this.writes = new CataloguePluginWrites(db.tables.sites);
  }

  private get table(): string {
    return this.db.tables.sites;
  }

  /**
   * Stores a new plugin with its wpSlug guard, and `related` replacements in the same transaction
   * (the other side of its conflicts). Failures: PluginExistsError, LimitReachedError (PLUGIN_VERSIONS:
   * more than {@link MAX_PLUGIN_VERSIONS} versions), and those of {@link replace} for `related`.
   */
  async create(plugin: CataloguePlugin, related: readonly PluginReplacement[] = []): Promise<void> {
    if (related.length + 2 > MAX_TRANSACTION_ITEMS) {
      throw new LimitReachedError('TRANSACTION_ITEMS', MAX_TRANSACTION_ITEMS);
    }
    const now = this.db.clock.now().toISOString();
    const transaction = new TransactionBuilder().addAll(this.writes.create(plugin));
    for (const replacement of related) transaction.add(...this.writes.replace(replacement, now));
    await transaction.commit(this.db.client);
  }

  async get(pluginId: string): Promise<CataloguePlugin | null> {
    const item = await getItem(this.db.client, this.table, cataloguePluginKeys.plugin(pluginId));
    return item ? fromCataloguePluginItem(item) : null;
  }

  /** The plugins that exist among `pluginIds`, in the order asked (BatchGet, 100 keys per call). */
  async getMany(pluginIds: readonly string[]): Promise<CataloguePlugin[]> {
    const keys = [...new Set(pluginIds)].map((pluginId) => cataloguePluginKeys.plugin(pluginId));
    const found = await batchGetItems(this.db.client, this.table, keys);
    return inKeyOrder(keys, found).map(fromCataloguePluginItem);
  }

  /** By wordpress.org slug (GSI2, eventually consistent). */
  async findBySlug(wpSlug: string): Promise<CataloguePlugin | null> {
    const { Items } = await this.db.client.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
        ExpressionAttributeValues: {
          ':pk': cataloguePluginKeys.bySlug(wpSlug),
          ':sk': cataloguePluginKeys.bySlugSort,
        },
      }),
    );
    return Items?.length ? fromCataloguePluginItem(Items[0]) : null;
  }

  /** Every plugin, in pages of the catalogue partition (id order): for whole-catalogue jobs such as the feed import. */
  async listAll(page: PageRequest): Promise<Page<CataloguePlugin>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: cataloguePluginKeys.partition,
      sortKey: { beginsWith: 'PLUGIN#' },
      ...page,
    });
    return { items: result.items.map(fromCataloguePluginItem), nextStartAt: result.nextStartAt };
  }

  /**
   * Plugins by name (one category on GSI1, all on GSI3), filtered; a page is filled up to `pageSize`
   * with a bounded number of further queries, so it may come back short with a cursor.
   */
  async list(filter: PluginListFilter, page: PageRequest): Promise<Page<CataloguePlugin>> {
    const result = await queryFilled(this.db, listPluginsQuery(this.table, filter), page);
    return { items: result.items.map(fromCataloguePluginItem), nextStartAt: result.nextStartAt };
  }

  /**
   * Writes `plugin` over the stored one at `expectedVersion`; returns it as written. Failures:
   * VersionConflictError, ItemMissingError, LimitReachedError (PLUGIN_VERSIONS).
   */
  async replace(plugin: CataloguePlugin, expectedVersion: number): Promise<CataloguePlugin> {
    const [written] = await this.replaceMany([{ plugin, expectedVersion }]);
    return written;
  }

  /**
   * Several replacements in one transaction, all or nothing (symmetric conflicts, a feed import);
   * at most {@link MAX_TRANSACTION_ITEMS} plugins (LimitReachedError TRANSACTION_ITEMS).
   */
  async replaceMany(replacements: readonly PluginReplacement[]): Promise<CataloguePlugin[]> {
    if (replacements.length > MAX_TRANSACTION_ITEMS) {
      throw new LimitReachedError('TRANSACTION_ITEMS', MAX_TRANSACTION_ITEMS);
    }
    const now = this.db.clock.now().toISOString();
    const transaction = new TransactionBuilder();
    for (const replacement of replacements) transaction.add(...this.writes.replace(replacement, now));
    if (transaction.size > 0) await transaction.commit(this.db.client);
    return replacements.map(({ plugin, expectedVersion }) => ({
      ...plugin,
      updatedAt: now,
      version: expectedVersion + 1,
    }));
  }

  /**
   * Adds `delta` to the plugin's install count atomically, never going below 0; returns the new count.
   * Leaves `version` alone (a counter, not an edit). Failure: ItemMissingError.
   */
  async adjustInstallCount(pluginId: string, delta: number): Promise<number> {
    const key = cataloguePluginKeys.plugin(pluginId);
    try {
      const { Attributes } = await this.db.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'ADD installCount :delta',
          ConditionExpression:
            delta < 0 ? 'attribute_exists(PK) AND installCount >= :floor' : 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':delta': delta, ...(delta < 0 ? { ':floor': -delta } : {}) },
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return Number(Attributes?.installCount ?? 0);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) throw new ItemMissingError('PLUGIN', pluginId);
      return this.floorInstallCount(pluginId, -delta);
    }
  }

  /** Sets the count to 0 when it is below `floor` (a decrement that would go negative). */
  private async floorInstallCount(pluginId: string, floor: number): Promise<number> {
    try {
      await this.db.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: cataloguePluginKeys.plugin(pluginId),
          UpdateExpression: 'SET installCount = :zero',
          ConditionExpression: 'attribute_exists(PK) AND installCount < :floor',
          ExpressionAttributeValues: { ':zero': 0, ':floor': floor },
        }),
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Another writer raised the count in between: apply the decrement again.
      return this.adjustInstallCount(pluginId, -floor);
    }
  }
}
