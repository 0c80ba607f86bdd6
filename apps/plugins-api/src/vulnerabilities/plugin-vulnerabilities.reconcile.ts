import { isDeepStrictEqual } from 'node:util';
import type { CataloguePlugin, PluginVulnerability } from '@bbws/data-access-catalogue';

/** What an import changed on one catalogue version (WORDFENCE vulnerability ids). */
export interface VersionChange {
  version: string;
  added: string[];
  removed: string[];
  /** Still listed, with another title, severity, score, CVE or fixedIn. */
  updated: string[];
}

/**
 * The plugin with each version's WORDFENCE vulnerabilities replaced by `matched` (MANUAL ones kept,
 * and win over a feed entry of the same id), and the changes; no changes → the plugin as it was.
 */
export function reconcileVulnerabilities(
  plugin: CataloguePlugin,
  matched: ReadonlyMap<string, readonly PluginVulnerability[]>,
): { plugin: CataloguePlugin; changes: VersionChange[] } {
  const changes: VersionChange[] = [];
  const versions = plugin.versions.map((entry) => {
    const manual = entry.vulnerabilities.filter((vulnerability) => vulnerability.source === 'MANUAL');
    const manualIds = new Set(manual.map((vulnerability) => vulnerability.id));
    const before = new Map(
      entry.vulnerabilities
        .filter((vulnerability) => vulnerability.source === 'WORDFENCE')
        .map((vulnerability) => [vulnerability.id, vulnerability]),
    );
    const after = new Map(
      (matched.get(entry.version) ?? [])
        .filter((vulnerability) => !manualIds.has(vulnerability.id))
        .map((vulnerability) => [vulnerability.id, vulnerability]),
    );
    const change: VersionChange = {
      version: entry.version,
      added: [...after.keys()].filter((id) => !before.has(id)).sort(),
      removed: [...before.keys()].filter((id) => !after.has(id)).sort(),
      updated: [...after.keys()]
        .filter((id) => before.has(id) && !isDeepStrictEqual(before.get(id), after.get(id)))
        .sort(),
    };
    if (!change.added.length && !change.removed.length && !change.updated.length) return entry;
    changes.push(change);
    const wordfence = [...after.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ...entry, vulnerabilities: [...manual, ...wordfence] };
  });
  return { plugin: changes.length ? { ...plugin, versions } : plugin, changes };
}
