import type { CataloguePlugin, CataloguePluginDao } from '@bbws/data-access-catalogue';
import { BusinessRuleError } from '@bbws/shared-errors';

/** The catalogue plugins `pluginIds` name; 422 UNKNOWN_PLUGINS (naming `field`) when some do not exist. */
export async function knownPlugins(
  plugins: Pick<CataloguePluginDao, 'getMany'>,
  pluginIds: readonly string[],
  field: string,
): Promise<CataloguePlugin[]> {
  if (pluginIds.length === 0) return [];
  const found = await plugins.getMany(pluginIds);
  const unknown = pluginIds.filter((id) => !found.some((plugin) => plugin.pluginId === id));
  if (unknown.length > 0) {
    throw new BusinessRuleError('UNKNOWN_PLUGINS', `${field} names plugins that are not in the catalogue`, {
      field,
      pluginIds: unknown,
    });
  }
  return found;
}
