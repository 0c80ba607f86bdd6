import {
  putNew,
  readItem,
  staleOrMissing,
  versionedUpdate,
  type TransactionEntry,
} from '@bbws/data-access-dynamo';
import { ItemMissingError, LimitReachedError } from '@bbws/shared-errors';
import type { CataloguePlugin } from './catalogue.entity';
import { PluginExistsError } from './catalogue-plugin.errors';
import { cataloguePluginKeys } from './catalogue-plugin.keys';
import {
  toCataloguePluginItem,
  toSlugGuardItem,
  type CataloguePluginItem,
  type PluginSlugGuardItem,
} from './catalogue-plugin.mapper';

/** Keeps a plugin item well under DynamoDB's 400 KB (each version carries its artifact and vulnerabilities). */
export const MAX_PLUGIN_VERSIONS = 100;

/** A plugin to write over the stored one, which must still be at `expectedVersion`. */
export interface PluginReplacement {
  plugin: CataloguePlugin;
  expectedVersion: number;
}

/** Attributes a replacement leaves alone: keys, the counters kept by other writers, and the version it bumps. */
const UNTOUCHED = new Set(['PK', 'SK', 'version', 'installCount', 'createdAt', 'createdBy', 'pluginId']);

function checkSize(plugin: CataloguePlugin): void {
  if (plugin.versions.length > MAX_PLUGIN_VERSIONS) {
    throw new LimitReachedError('PLUGIN_VERSIONS', MAX_PLUGIN_VERSIONS, { pluginId: plugin.pluginId });
  }
}

/** Builds the sites table's catalogue-plugin transaction items; failures map to domain errors. */
export class CataloguePluginWrites {
  constructor(readonly table: string) {}

  /** The plugin with its wpSlug guard. Failures: PluginExistsError (slug taken or id reused). */
  create(plugin: CataloguePlugin): TransactionEntry[] {
    checkSize(plugin);
    const exists = (old: Record<string, unknown> | undefined) =>
      new PluginExistsError(plugin.wpSlug, old ? readItem<PluginSlugGuardItem>(old).pluginId : undefined);
    return [
      [putNew(this.table, toCataloguePluginItem(plugin)), () => new PluginExistsError(plugin.wpSlug)],
      [putNew(this.table, toSlugGuardItem(plugin)), exists],
    ];
  }

  /**
   * Every attribute of `plugin` (index keys recomputed) at `expectedVersion`, except the install count,
   * which site workers change without a version. Failures: VersionConflictError, ItemMissingError.
   */
  replace({ plugin, expectedVersion }: PluginReplacement, now: string): TransactionEntry {
    checkSize(plugin);
    const item: Partial<CataloguePluginItem> = toCataloguePluginItem({ ...plugin, updatedAt: now });
    const set = Object.fromEntries(Object.entries(item).filter(([name]) => !UNTOUCHED.has(name)));
    return [
      versionedUpdate({
        tableName: this.table,
        key: cataloguePluginKeys.plugin(plugin.pluginId),
        set,
        expectedVersion,
      }),
      staleOrMissing(expectedVersion, () => new ItemMissingError('PLUGIN', plugin.pluginId)),
    ];
  }
}
