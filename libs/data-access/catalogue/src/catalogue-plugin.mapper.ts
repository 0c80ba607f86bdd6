import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import { normalizeName } from '@bbws/shared-util';
import type { CataloguePlugin } from './catalogue.entity';
import { cataloguePluginKeys } from './catalogue-plugin.keys';

export const CATALOGUE_PLUGIN_SCHEMA_VERSION = 1;

/** A catalogue plugin as stored: the entity plus keys, index attributes and what list filters read. */
export interface CataloguePluginItem extends VersionedItemBase, CataloguePlugin {
  entityType: 'CATALOGUE_PLUGIN';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  GSI3PK: string;
  GSI3SK: string;
  /** Approved and not blocklisted: shown in the public catalogue. */
  listed: boolean;
  /** Lower-cased name, slug and description for the `search` filter. */
  searchText: string;
}

export interface PluginSlugGuardItem {
  PK: string;
  SK: string;
  entityType: 'PLUGIN_SLUG_GUARD';
  schemaVersion: number;
  pluginId: string;
  createdAt: string;
  updatedAt: string;
}

/** What `search` matches against: case-insensitive, whitespace collapsed. */
export function pluginSearchText(plugin: Pick<CataloguePlugin, 'name' | 'wpSlug' | 'description'>): string {
  return normalizeName(`${plugin.name} ${plugin.wpSlug} ${plugin.description}`);
}

export function toCataloguePluginItem(plugin: CataloguePlugin): CataloguePluginItem {
  const nameSort = cataloguePluginKeys.nameSort(normalizeName(plugin.name), plugin.pluginId);
  return {
    ...cataloguePluginKeys.plugin(plugin.pluginId),
    GSI1PK: cataloguePluginKeys.byCategory(plugin.category),
    GSI1SK: nameSort,
    GSI2PK: cataloguePluginKeys.bySlug(plugin.wpSlug),
    GSI2SK: cataloguePluginKeys.bySlugSort,
    GSI3PK: cataloguePluginKeys.all,
    GSI3SK: nameSort,
    entityType: 'CATALOGUE_PLUGIN',
    schemaVersion: CATALOGUE_PLUGIN_SCHEMA_VERSION,
    listed: plugin.isApproved && !plugin.isBlocklisted,
    searchText: pluginSearchText(plugin),
    ...plugin,
  };
}

export function toSlugGuardItem(plugin: CataloguePlugin): PluginSlugGuardItem {
  return {
    ...cataloguePluginKeys.slugGuard(plugin.wpSlug),
    entityType: 'PLUGIN_SLUG_GUARD',
    schemaVersion: 1,
    pluginId: plugin.pluginId,
    createdAt: plugin.createdAt,
    updatedAt: plugin.createdAt,
  };
}

export function fromCataloguePluginItem(stored: StoredItem): CataloguePlugin {
  const item = readItem<CataloguePluginItem>(stored);
  return {
    pluginId: item.pluginId,
    wpSlug: item.wpSlug,
    pluginFile: item.pluginFile,
    name: item.name,
    description: item.description ?? '',
    category: item.category,
    pricing: item.pricing,
    isApproved: item.isApproved,
    isBlocklisted: item.isBlocklisted,
    blocklistReason: item.blocklistReason ?? null,
    blocklistedAt: item.blocklistedAt ?? null,
    blocklistedBy: item.blocklistedBy ?? null,
    latestVersion: item.latestVersion ?? null,
    versions: (item.versions ?? []).map((version) => ({
      ...version,
      minWordPressVersion: version.minWordPressVersion ?? null,
      requiresPhp: version.requiresPhp ?? null,
      vulnerabilities: version.vulnerabilities ?? [],
    })),
    conflictsWith: item.conflictsWith ?? [],
    installCount: item.installCount ?? 0,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
