import type { InstalledPlugin, InstalledPluginDao, SiteDao } from '@bbws/data-access-sites';

const SITES_PAGE = 100;

/**
 * A plugin's files are the network's, shared by every site of the instance that has it: these are the
 * other live sites' records of the plugin (for uninstalls, which keep the files while any remain, and
 * updates, which move them all to the new version).
 */
export class InstancePluginRecords {
  constructor(
    private readonly sites: Pick<SiteDao, 'listByInstance'>,
    private readonly installed: Pick<InstalledPluginDao, 'get'>,
  ) {}

  async others(instanceId: string, siteId: string, pluginId: string): Promise<InstalledPlugin[]> {
    const records: InstalledPlugin[] = [];
    let startAt: string | undefined;
    do {
      const page = await this.sites.listByInstance(instanceId, { pageSize: SITES_PAGE, startAt });
      for (const site of page.items) {
        if (site.siteId === siteId || site.status === 'DELETED') continue;
        const record = await this.installed.get(site.siteId, pluginId);
        if (record) records.push(record);
      }
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return records;
  }
}
