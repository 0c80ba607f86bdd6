import type { InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';

const SITES_PAGE = 100;

/**
 * The version of a plugin the instance's other live sites run: a network holds one copy of each plugin,
 * so a site installing it gets that version (null when no other site has it).
 */
export class InstancePluginVersion {
  constructor(
    private readonly sites: Pick<SiteDao, 'listByInstance'>,
    private readonly installed: Pick<InstalledPluginDao, 'get'>,
  ) {}

  async of(instanceId: string, siteId: string, pluginId: string): Promise<string | null> {
    let startAt: string | undefined;
    do {
      const page = await this.sites.listByInstance(instanceId, { pageSize: SITES_PAGE, startAt });
      for (const site of page.items) {
        if (site.siteId === siteId || site.status === 'DELETED') continue;
        const record = await this.installed.get(site.siteId, pluginId);
        if (record) return record.installedVersion;
      }
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return null;
  }
}
