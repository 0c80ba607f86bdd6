import type { CataloguePlugin } from '@bbws/data-access-catalogue';

type ConflictSide = Pick<CataloguePlugin, 'pluginId' | 'conflictsWith' | 'version'>;

/**
 * The replacements that set `plugin`'s conflicts to `wanted` and keep them symmetric: plugins added
 * get `plugin` in theirs, plugins dropped lose it. `others` are the catalogue entries of both sets.
 */
export function conflictReplacements<P extends ConflictSide>(
  plugin: P,
  wanted: readonly string[],
  others: readonly P[],
): Array<{ plugin: P; expectedVersion: number }> {
  const target = [...new Set(wanted)];
  const replacements = [{ plugin: { ...plugin, conflictsWith: target }, expectedVersion: plugin.version }];
  for (const other of others) {
    if (other.pluginId === plugin.pluginId) continue;
    const has = other.conflictsWith.includes(plugin.pluginId);
    const should = target.includes(other.pluginId);
    if (has === should) continue;
    const conflictsWith = should
      ? [...other.conflictsWith, plugin.pluginId]
      : other.conflictsWith.filter((id) => id !== plugin.pluginId);
    replacements.push({ plugin: { ...other, conflictsWith }, expectedVersion: other.version });
  }
  return replacements;
}
