import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  TransactionBuilder,
  getItem,
  putNew,
  staleOrMissing,
  versionedUpdate,
  type DynamoContext,
  type StoredItem,
  type TransactionEntry,
} from '@bbws/data-access-dynamo';
import { ItemMissingError } from '@bbws/shared-errors';
import { fromInstalledPluginItem, toInstalledPluginItem } from './installed-plugin.mapper';
import type { InstalledPlugin } from './site.entity';
import { PluginAlreadyInstalledError } from './site.errors';
import { siteKeys } from './site.keys';

/** What an update may set on an installed plugin; `configuration` replaces the stored one. */
export type InstalledPluginChanges = Partial<
  Pick<InstalledPlugin, 'installedVersion' | 'previousVersion' | 'isActive' | 'configuration' | 'pluginFile'>
>;

/** The plugins installed on a site (`SITE#{siteId}` / `PLUGIN#{pluginId}`), reached after loading the site. */
export class InstalledPluginDao {
  constructor(private readonly db: DynamoContext) {}

  private get table(): string {
    return this.db.tables.sites;
  }

  /** Records an installation; PluginAlreadyInstalledError when the site has the plugin already. */
  async put(plugin: InstalledPlugin): Promise<void> {
    await new TransactionBuilder()
      .add(
        putNew(this.table, toInstalledPluginItem(plugin)),
        () => new PluginAlreadyInstalledError(plugin.siteId, plugin.pluginId),
      )
      .commit(this.db.client);
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
    const now = this.db.clock.now().toISOString();
    await new TransactionBuilder()
      .add(
        versionedUpdate({
          tableName: this.table,
          key: siteKeys.installedPlugin(current.siteId, current.pluginId),
          set: { ...changes, updatedAt: now },
          expectedVersion,
        }),
        staleOrMissing(expectedVersion, () => this.missing(current)),
      )
      .commit(this.db.client);
    return { ...current, ...changes, updatedAt: now, version: expectedVersion + 1 };
  }

  /**
   * Removes the record (after the uninstallation); at `expectedVersion` when given.
   * Failures: ItemMissingError, VersionConflictError.
   */
  async delete(siteId: string, pluginId: string, expectedVersion?: number): Promise<void> {
    const entry: TransactionEntry = [
      {
        Delete: {
          TableName: this.table,
          Key: siteKeys.installedPlugin(siteId, pluginId),
          ConditionExpression:
            expectedVersion === undefined
              ? 'attribute_exists(PK)'
              : 'attribute_exists(PK) AND #version = :version',
          ...(expectedVersion === undefined
            ? {}
            : {
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': expectedVersion },
              }),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      staleOrMissing(expectedVersion ?? 0, () => this.missing({ siteId, pluginId })),
    ];
    await new TransactionBuilder().add(...entry).commit(this.db.client);
  }

  private missing(plugin: Pick<InstalledPlugin, 'siteId' | 'pluginId'>): ItemMissingError {
    return new ItemMissingError('INSTALLED_PLUGIN', `${plugin.siteId}/${plugin.pluginId}`);
  }
}
