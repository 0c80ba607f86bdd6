import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  getItem,
  putNew,
  staleOrMissing,
  versionedUpdate,
  type DynamoContext,
  type ExtraWrites,
  type StoredItem,
  type TransactionEntry,
} from '@bbws/data-access-dynamo';
import { ItemMissingError } from '@bbws/shared-errors';
import { fromInstalledPluginItem, toInstalledPluginItem } from './installed-plugin.mapper';
import type { InstalledPlugin } from './site.entity';
import { PluginAlreadyInstalledError } from './site.errors';
import { siteKeys } from './site.keys';
import { asExtraWrites } from './site.writes';

/** What an update may set on an installed plugin; `configuration` replaces the stored one. */
export type InstalledPluginChanges = Partial<
  Pick<InstalledPlugin, 'installedVersion' | 'previousVersion' | 'isActive' | 'configuration' | 'pluginFile'>
>;

/**
 * The plugins installed on a site (`SITE#{siteId}` / `PLUGIN#{pluginId}`), reached after loading the site.
 * Each write also comes as extra writes, so a worker records it with its operation's completion.
 */
export class InstalledPluginDao {
  constructor(private readonly db: DynamoContext) {}

  private get table(): string {
    return this.db.tables.sites;
  }

  /** Records an installation; PluginAlreadyInstalledError when the site has the plugin already. */
  async put(plugin: InstalledPlugin): Promise<void> {
    await new TransactionBuilder().add(...this.putEntry(plugin)).commit(this.db.client);
  }

  /** {@link put} for another store's transaction (an operation's completion). */
  putWrites(plugin: InstalledPlugin): ExtraWrites {
    return asExtraWrites([this.putEntry(plugin)]);
  }

  async get(siteId: string, pluginId: string): Promise<InstalledPlugin | null> {
    const item = await getItem(this.db.client, this.table, siteKeys.installedPlugin(siteId, pluginId));
    return item ? fromInstalledPluginItem(item) : null;
  }

  /** Every plugin installed on the site, by plugin id (a site has a bounded number of them). */
  async listBySite(siteId: string): Promise<InstalledPlugin[]> {
    const items: StoredItem[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const result = await this.db.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: {
            ':pk': siteKeys.sitePartition(siteId),
            ':sk': siteKeys.installedPluginPrefix,
          },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((result.Items ?? []) as StoredItem[]));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return items.map(fromInstalledPluginItem);
  }

  /**
   * Sets `changes` if the stored plugin is at `expectedVersion`; returns it as written.
   * Failures: VersionConflictError, ItemMissingError.
   */
  async update(
    current: InstalledPlugin,
    expectedVersion: number,
    changes: InstalledPluginChanges,
  ): Promise<InstalledPlugin> {
    const now = this.now();
    await new TransactionBuilder()
      .add(...this.updateEntry(current, expectedVersion, changes, now))
      .commit(this.db.client);
    return { ...current, ...changes, updatedAt: now, version: expectedVersion + 1 };
  }

  /** {@link update} for another store's transaction (an operation's completion). */
  updateWrites(
    current: InstalledPlugin,
    expectedVersion: number,
    changes: InstalledPluginChanges,
  ): ExtraWrites {
    return asExtraWrites([this.updateEntry(current, expectedVersion, changes, this.now())]);
  }

  /**
   * Removes the record (after the uninstallation); at `expectedVersion` when given.
   * Failures: ItemMissingError, VersionConflictError.
   */
  async delete(siteId: string, pluginId: string, expectedVersion?: number): Promise<void> {
    await new TransactionBuilder()
      .add(...this.deleteEntry(siteId, pluginId, expectedVersion))
      .commit(this.db.client);
  }

  /** {@link delete} for another store's transaction (an operation's completion). */
  deleteWrites(siteId: string, pluginId: string, expectedVersion?: number): ExtraWrites {
    return asExtraWrites([this.deleteEntry(siteId, pluginId, expectedVersion)]);
  }

  private putEntry(plugin: InstalledPlugin): TransactionEntry {
    return [
      putNew(this.table, toInstalledPluginItem(plugin)),
      () => new PluginAlreadyInstalledError(plugin.siteId, plugin.pluginId),
    ];
  }

  private updateEntry(
    current: InstalledPlugin,
    expectedVersion: number,
    changes: InstalledPluginChanges,
    now: string,
  ): TransactionEntry {
    return [
      versionedUpdate({
        tableName: this.table,
        key: siteKeys.installedPlugin(current.siteId, current.pluginId),
        set: { ...changes, updatedAt: now },
        expectedVersion,
      }),
      staleOrMissing(expectedVersion, () => this.missing(current)),
    ];
  }

  private deleteEntry(siteId: string, pluginId: string, expectedVersion?: number): TransactionEntry {
    const versioned = expectedVersion !== undefined;
    return [
      {
        Delete: {
          TableName: this.table,
          Key: siteKeys.installedPlugin(siteId, pluginId),
          ConditionExpression: versioned
            ? 'attribute_exists(PK) AND #version = :version'
            : 'attribute_exists(PK)',
          ...(versioned
            ? {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': expectedVersion },
              }
            : {}),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      staleOrMissing(expectedVersion ?? 0, () => this.missing({ siteId, pluginId })),
    ];
  }

  private now(): string {
    return this.db.clock.now().toISOString();
  }

  private missing(plugin: Pick<InstalledPlugin, 'siteId' | 'pluginId'>): ItemMissingError {
    return new ItemMissingError('INSTALLED_PLUGIN', `${plugin.siteId}/${plugin.pluginId}`);
  }
}
