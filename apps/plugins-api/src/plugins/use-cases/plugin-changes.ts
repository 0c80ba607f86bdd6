import type { CataloguePlugin, CataloguePluginDao, PluginReplacement } from '@bbws/data-access-catalogue';
import { PreconditionFailedError } from '@bbws/shared-errors';
import { fromCatalogueError, pluginNotFound, retryOnVersionConflict } from '../plugin-errors';

type PluginStore = Pick<CataloguePluginDao, 'get' | 'replaceMany'>;

/**
 * Read-modify-write of a plugin (and related ones) at the version read: 412 when `ifMatch` names
 * another version; without it, a concurrent change is read again and the change re-applied.
 */
export class PluginChanges {
  constructor(private readonly plugins: PluginStore) {}

  async load(pluginId: string): Promise<CataloguePlugin> {
    const plugin = await this.plugins.get(pluginId);
    if (!plugin) throw pluginNotFound(pluginId);
    return plugin;
  }

  /** `change` returns the replacements to write, the plugin's own first; the plugin as written is returned. */
  async apply(
    pluginId: string,
    ifMatch: number | undefined,
    change: (plugin: CataloguePlugin) => Promise<PluginReplacement[]> | PluginReplacement[],
  ): Promise<CataloguePlugin> {
    try {
      return await retryOnVersionConflict(async () => {
        const plugin = await this.load(pluginId);
        if (ifMatch !== undefined && ifMatch !== plugin.version) {
          throw new PreconditionFailedError(ifMatch, plugin.version);
        }
        const [written] = await this.plugins.replaceMany(await change(plugin));
        return written;
      });
    } catch (error) {
      throw fromCatalogueError(error, pluginId);
    }
  }

  /** {@link apply} for a change of the plugin alone. */
  async update(
    pluginId: string,
    ifMatch: number | undefined,
    change: (plugin: CataloguePlugin) => CataloguePlugin,
  ): Promise<CataloguePlugin> {
    return this.apply(pluginId, ifMatch, (plugin) => [
      { plugin: change(plugin), expectedVersion: plugin.version },
    ]);
  }
}
