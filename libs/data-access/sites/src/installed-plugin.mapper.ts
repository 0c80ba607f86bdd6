import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { InstalledPlugin } from './site.entity';
import { siteKeys } from './site.keys';

export interface InstalledPluginItem extends VersionedItemBase, InstalledPlugin {
  entityType: 'INSTALLED_PLUGIN';
}

export function toInstalledPluginItem(plugin: InstalledPlugin): InstalledPluginItem {
  return {
    ...siteKeys.installedPlugin(plugin.siteId, plugin.pluginId),
    entityType: 'INSTALLED_PLUGIN',
    schemaVersion: 1,
    ...plugin,
    createdAt: plugin.installedAt,
  };
}

export function fromInstalledPluginItem(stored: StoredItem): InstalledPlugin {
  const item = readItem<InstalledPluginItem>(stored);
  return {
    siteId: item.siteId,
    pluginId: item.pluginId,
    pluginFile: item.pluginFile,
    installedVersion: item.installedVersion,
    previousVersion: item.previousVersion ?? null,
    isActive: item.isActive,
    configuration: item.configuration ?? {},
    installedAt: item.installedAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
