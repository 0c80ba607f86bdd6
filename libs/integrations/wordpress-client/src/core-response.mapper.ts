import type { InstalledPlugin, PluginStatus, SiteInfo } from './wordpress-client.types';

/** GET / (index) as core returns it, restricted with `_fields`. */
export interface CoreIndexResponse {
  name: string;
  description: string;
  url: string;
  home: string;
  gmt_offset: number | string;
  timezone_string: string;
  namespaces: string[];
}

/** An item of GET /wp/v2/plugins. */
export interface CorePluginResponse {
  plugin: string;
  status: PluginStatus;
  name: string;
  version: string;
  network_only: boolean;
}

export const CORE_INDEX_FIELDS = 'name,description,url,home,gmt_offset,timezone_string,namespaces';

export function toSiteInfo(index: CoreIndexResponse): SiteInfo {
  return {
    name: index.name,
    description: index.description,
    url: index.url,
    home: index.home,
    gmtOffset: Number(index.gmt_offset),
    timezone: index.timezone_string,
    namespaces: index.namespaces,
    agentAvailable: index.namespaces.includes('bbws/v1'),
  };
}

export function toInstalledPlugin(plugin: CorePluginResponse): InstalledPlugin {
  return {
    plugin: plugin.plugin,
    name: plugin.name,
    version: plugin.version,
    status: plugin.status,
    networkOnly: plugin.network_only,
  };
}
