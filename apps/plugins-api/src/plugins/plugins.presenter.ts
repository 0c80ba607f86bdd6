import type { CataloguePlugin, InstallCheck } from '@bbws/data-access-catalogue';
import { link, links, withQuery } from '@bbws/shared-hateoas';
import type { InstallCheckResponseDto, PluginResponseDto } from './dto/plugin.response.dto';
import { pluginRoutes } from './plugins.routes';

/** A catalogue plugin; platform admins get its admin actions (blocklist or unblocklist by state). */
export function presentPlugin(plugin: CataloguePlugin, admin: boolean): PluginResponseDto {
  const id = plugin.pluginId;
  const blocked = plugin.isBlocklisted;
  return {
    pluginId: id,
    wpSlug: plugin.wpSlug,
    pluginFile: plugin.pluginFile,
    name: plugin.name,
    description: plugin.description,
    category: plugin.category,
    pricing: plugin.pricing,
    isApproved: plugin.isApproved,
    isBlocklisted: blocked,
    blocklistReason: plugin.blocklistReason,
    blocklistedAt: plugin.blocklistedAt,
    blocklistedBy: plugin.blocklistedBy,
    latestVersion: plugin.latestVersion,
    versions: plugin.versions.map((version) => ({
      version: version.version,
      packageArtifact: version.packageArtifact,
      minWordPressVersion: version.minWordPressVersion,
      requiresPhp: version.requiresPhp,
      vulnerabilities: version.vulnerabilities,
      addedAt: version.addedAt,
      addedBy: version.addedBy,
    })),
    conflictsWith: plugin.conflictsWith,
    installCount: plugin.installCount,
    createdAt: plugin.createdAt,
    createdBy: plugin.createdBy,
    updatedAt: plugin.updatedAt,
    version: plugin.version,
    _links: links([
      ['self', link(pluginRoutes.plugin(id))],
      ['collection', link(pluginRoutes.collection)],
      ['installability', link(pluginRoutes.installability(id)), !blocked && plugin.isApproved],
      ['update', link(pluginRoutes.adminPlugin(id), 'PATCH'), admin],
      ['addVersion', link(pluginRoutes.versions(id), 'POST'), admin],
      ['blocklist', link(pluginRoutes.blocklist(id), 'POST'), admin && !blocked],
      ['unblocklist', link(pluginRoutes.blocklist(id), 'DELETE'), admin && blocked],
      ['conflicts', link(pluginRoutes.conflicts(id), 'PUT'), admin],
      [
        'downloadLatest',
        link(pluginRoutes.download(id, plugin.latestVersion ?? '')),
        admin && plugin.latestVersion !== null,
      ],
    ]),
  };
}

/** The answer of checkInstallable, linking back to the plugin. */
export function presentInstallCheck(
  check: InstallCheck,
  query: { version?: string; wordpressVersion: string; installed?: string[] },
): InstallCheckResponseDto {
  const self = withQuery(pluginRoutes.installability(check.pluginId), {
    version: query.version,
    wordpressVersion: query.wordpressVersion,
    installed: query.installed?.length ? query.installed.join(',') : undefined,
  });
  return {
    ...check,
    _links: links([
      ['self', link(self)],
      ['plugin', link(pluginRoutes.plugin(check.pluginId)), check.ok || check.reason !== 'PLUGIN_NOT_FOUND'],
    ]),
  };
}
