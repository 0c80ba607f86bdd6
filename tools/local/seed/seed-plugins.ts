import { createHash } from 'node:crypto';
import { SeedApiError, type SeedApiClient, type SeedTarget } from './seed-api.client';
import type { SeedData, SeedPlugin } from './seed-data';
import { buildPackage } from './seed-packages';

interface CataloguePlugin {
  pluginId: string;
  wpSlug: string;
  conflictsWith: string[];
  versions: Array<{ version: string; packageArtifact: { sha256: string } }>;
}

export interface PluginsSeeded {
  /** wpSlug → pluginId of every seeded plugin, created now or before. */
  ids: Map<string, string>;
  created: string[];
  /** `wpSlug@version` of each version added. */
  versionsAdded: string[];
  /** wpSlugs whose conflicts were set. */
  conflictsSet: string[];
}

/**
 * Registers the seeded plugins that are missing (by wpSlug), adds the packages a plugin does not
 * hold yet (by version when the seed names it, else by sha256: a folder zips to the same bytes every
 * time), then the conflicts.
 */
export async function seedPlugins(
  api: SeedApiClient,
  target: SeedTarget,
  data: SeedData,
): Promise<PluginsSeeded> {
  const admin = `${target.pluginsApi}/admin/plugins`;
  const listed = await api.listAll<{ pluginId: string; wpSlug: string }>(admin);
  const existing = new Map(listed.map((plugin) => [plugin.wpSlug, plugin.pluginId]));
  const result: PluginsSeeded = { ids: new Map(), created: [], versionsAdded: [], conflictsSet: [] };
  const plugins = new Map<string, CataloguePlugin>();

  for (const seed of data.plugins) {
    const knownId = existing.get(seed.wpSlug);
    let plugin = knownId
      ? await api.call<CataloguePlugin>('GET', `${target.pluginsApi}/plugins/${knownId}`, 200)
      : await api.call<CataloguePlugin>('POST', admin, 201, registration(seed));
    if (!knownId) result.created.push(seed.wpSlug);
    plugin = await addMissingVersions(api, admin, seed, plugin, data.directory, result);
    plugins.set(seed.wpSlug, plugin);
    result.ids.set(seed.wpSlug, plugin.pluginId);
  }

  for (const seed of data.plugins) {
    const plugin = plugins.get(seed.wpSlug) as CataloguePlugin;
    const wanted = (seed.conflictsWith ?? []).map((slug) => {
      const id = result.ids.get(slug);
      if (!id) throw new Error(`${seed.wpSlug} conflicts with ${slug}, which is not a seeded plugin`);
      return id;
    });
    if (wanted.every((id) => plugin.conflictsWith.includes(id))) continue;
    await api.call('PUT', `${admin}/${plugin.pluginId}/conflicts`, 200, {
      conflictsWith: [...new Set([...plugin.conflictsWith, ...wanted])],
    });
    result.conflictsSet.push(seed.wpSlug);
  }
  return result;
}

function registration(seed: SeedPlugin) {
  return {
    wpSlug: seed.wpSlug,
    name: seed.name,
    description: seed.description,
    category: seed.category,
    pricing: seed.pricing,
  };
}

async function addMissingVersions(
  api: SeedApiClient,
  admin: string,
  seed: SeedPlugin,
  plugin: CataloguePlugin,
  dataDir: string,
  result: PluginsSeeded,
): Promise<CataloguePlugin> {
  let current = plugin;
  for (const source of seed.packages) {
    const bytes = await buildPackage(source, seed.wpSlug, dataDir);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const held = current.versions.some(
      (version) => version.packageArtifact.sha256 === sha256 || version.version === source.version,
    );
    if (held) continue;
    const uploadId = await api.upload(`${admin}/uploads`, 'PLUGIN_PACKAGE', 'application/zip', bytes);
    try {
      current = await api.call<CataloguePlugin>('POST', `${admin}/${current.pluginId}/versions`, 201, {
        uploadId,
        ...(source.version ? { version: source.version } : {}),
      });
    } catch (error) {
      // The version is there already, from other bytes (a folder zipped by another fflate, say).
      if (error instanceof SeedApiError && error.code === 'PLUGIN_VERSION_EXISTS') continue;
      throw error;
    }
    const added = current.versions.find((version) => version.packageArtifact.sha256 === sha256);
    result.versionsAdded.push(`${seed.wpSlug}@${added?.version ?? source.version ?? '?'}`);
  }
  return current;
}
