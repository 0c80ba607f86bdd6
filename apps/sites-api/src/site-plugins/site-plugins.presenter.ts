import { compareWpVersions } from '@bbws/shared-util';
import { link, links } from '@bbws/shared-hateoas';
import type { SitePluginListResponseDto, SitePluginResponseDto } from './dto/site-plugin.response.dto';
import { mayActOnPlugins, PLUGIN_ACTORS, PLUGIN_REMOVERS } from './site-plugin.rules';
import { sitePluginRoutes as routes } from './site-plugins.routes';
import type { SitePluginsContext, SitePluginView } from './site-plugins.service';

/** An installed plugin; action links only for callers who may act now (none while an operation runs). */
export function presentSitePlugin(
  { record, catalogue }: SitePluginView,
  { site, access, operationRunning }: SitePluginsContext,
): SitePluginResponseDto {
  const { tenantId, siteId } = site;
  const { pluginId } = record;
  const latestVersion = catalogue?.latestVersion ?? null;
  const hasUpdate = latestVersion !== null && compareWpVersions(latestVersion, record.installedVersion) > 0;
  const mayAct = !operationRunning && mayActOnPlugins(site, access, PLUGIN_ACTORS);
  const mayRemove = !operationRunning && mayActOnPlugins(site, access, PLUGIN_REMOVERS);
  return {
    pluginId,
    name: catalogue?.name ?? record.pluginFile,
    pluginFile: record.pluginFile,
    installedVersion: record.installedVersion,
    previousVersion: record.previousVersion,
    latestVersion,
    hasUpdate,
    isActive: record.isActive,
    configuration: record.configuration,
    installedAt: record.installedAt,
    updatedAt: record.updatedAt,
    _links: links([
      ['site', link(routes.site(tenantId, siteId))],
      ['catalogue', link(routes.catalogue(pluginId)), catalogue !== null],
      ['status', link(routes.status(tenantId, siteId, pluginId), 'PUT'), mayAct],
      ['update', link(routes.update(tenantId, siteId, pluginId), 'PUT'), mayAct && hasUpdate],
      ['config', link(routes.config(tenantId, siteId, pluginId), 'PUT'), mayAct],
      ['uninstall', link(routes.plugin(tenantId, siteId, pluginId), 'DELETE'), mayRemove],
    ]),
  };
}

export function presentSitePluginList(
  plugins: SitePluginView[],
  context: SitePluginsContext,
): SitePluginListResponseDto {
  const { tenantId, siteId } = context.site;
  const mayInstall =
    !context.operationRunning && mayActOnPlugins(context.site, context.access, PLUGIN_ACTORS);
  return {
    items: plugins.map((plugin) => presentSitePlugin(plugin, context)),
    count: plugins.length,
    _links: links([
      ['self', link(routes.collection(tenantId, siteId))],
      ['site', link(routes.site(tenantId, siteId))],
      ['install', link(routes.collection(tenantId, siteId), 'POST'), mayInstall],
    ]),
  };
}
