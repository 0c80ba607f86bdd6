import type { CataloguePlugin, PluginVersion } from '@bbws/data-access-catalogue';
import { compareWpVersions } from '@bbws/shared-util';

type Versioned = Pick<PluginVersion, 'version'>;

/** Versions newest first (WordPress version order). */
export function sortVersions<V extends Versioned>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => compareWpVersions(b.version, a.version));
}

/**
 * The plugin with `added` among its versions (kept newest first) and `latestVersion` recomputed;
 * `pluginFile` follows the newest package when it is one of `added`.
 */
export function withVersions(
  plugin: CataloguePlugin,
  added: readonly PluginVersion[],
  addedPluginFile: string,
): CataloguePlugin {
  const versions = sortVersions([...plugin.versions, ...added]);
  const latestVersion = versions[0]?.version ?? null;
  const newestAdded = added.some((version) => version.version === latestVersion);
  return {
    ...plugin,
    pluginFile: newestAdded ? addedPluginFile : plugin.pluginFile,
    versions,
    latestVersion,
  };
}

/**
 * Where an accepted package is kept: content-addressed, so a recorded sha256 always names the bytes
 * under its key, even when two uploads of one version race and only one of them is recorded.
 */
export function packageKey(wpSlug: string, version: string, sha256: string): string {
  return `packages/plugins/${wpSlug}/${version}/${sha256}.zip`;
}
