import { compareWpVersions } from '@bbws/shared-util';
import type { CataloguePlugin, InstallCheck, InstallCheckRequest, PluginVersion } from './catalogue.entity';

/**
 * Whether `plugin` may be installed per `request`, checked in this order: not found, not approved,
 * blocklisted, version not found, vulnerable, incompatible WordPress, conflict with an installed plugin.
 * `installed` are the catalogue entries of `request.installed` that exist.
 */
export function evaluateInstallability(
  plugin: CataloguePlugin | null,
  installed: readonly CataloguePlugin[],
  request: InstallCheckRequest,
): InstallCheck {
  const { pluginId } = request;
  if (!plugin) return { ok: false, reason: 'PLUGIN_NOT_FOUND', pluginId };
  if (!plugin.isApproved) return { ok: false, reason: 'NOT_APPROVED', pluginId };
  if (plugin.isBlocklisted) {
    return { ok: false, reason: 'BLOCKLISTED', pluginId, blocklistReason: plugin.blocklistReason };
  }
  const wanted = request.version ?? plugin.latestVersion;
  const version = wanted ? findVersion(plugin, wanted) : undefined;
  if (!version) return { ok: false, reason: 'VERSION_NOT_FOUND', pluginId, version: wanted ?? 'latest' };
  if (version.vulnerabilities.length > 0) {
    return {
      ok: false,
      reason: 'VULNERABLE',
      pluginId,
      version: version.version,
      vulnerabilityIds: version.vulnerabilities.map((vulnerability) => vulnerability.id),
      safeVersion: safeVersionAbove(plugin, version.version),
    };
  }
  const minWordPressVersion = version.minWordPressVersion;
  if (minWordPressVersion && compareWpVersions(request.wordpressVersion, minWordPressVersion) < 0) {
    return {
      ok: false,
      reason: 'INCOMPATIBLE_WORDPRESS',
      pluginId,
      version: version.version,
      minWordPressVersion,
      wordpressVersion: request.wordpressVersion,
    };
  }
  const conflicting = conflictWith(plugin, installed, request.installed);
  if (conflicting) return { ok: false, reason: 'CONFLICT', pluginId, conflictingPluginId: conflicting };
  return {
    ok: true,
    pluginId,
    version: version.version,
    packageArtifact: version.packageArtifact,
    pluginFile: plugin.pluginFile,
  };
}

function findVersion(plugin: CataloguePlugin, wanted: string): PluginVersion | undefined {
  return plugin.versions.find((candidate) => candidate.version === wanted);
}

/** The lowest catalogue version above `version` without known vulnerabilities. */
function safeVersionAbove(plugin: CataloguePlugin, version: string): string | null {
  const safe = plugin.versions
    .filter((candidate) => candidate.vulnerabilities.length === 0)
    .map((candidate) => candidate.version)
    .filter((candidate) => compareWpVersions(candidate, version) > 0)
    .sort(compareWpVersions);
  return safe[0] ?? null;
}

/** The first installed plugin either side declares a conflict with. */
function conflictWith(
  plugin: CataloguePlugin,
  installed: readonly CataloguePlugin[],
  installedIds: readonly string[],
): string | null {
  const others = installedIds.filter((id) => id !== plugin.pluginId);
  const declared = others.find((id) => plugin.conflictsWith.includes(id));
  if (declared) return declared;
  const declaring = installed.find(
    (other) => other.pluginId !== plugin.pluginId && other.conflictsWith.includes(plugin.pluginId),
  );
  return declaring?.pluginId ?? null;
}
