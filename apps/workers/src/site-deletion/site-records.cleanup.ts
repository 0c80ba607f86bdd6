import type { CataloguePluginDao, TemplateDao } from '@bbws/data-access-catalogue';
import type { InstalledPluginDao, Site } from '@bbws/data-access-sites';
import { ItemMissingError } from '@bbws/shared-errors';

/**
 * The catalogue side of a deleted site: its installed-plugin records removed, each plugin's installCount
 * −1, and its template's usageCount −1. A record is removed before its count is lowered, so a redelivery
 * (which finds the record gone) never lowers a count twice; entries deleted from the catalogue since
 * have no count left to lower.
 */
export class SiteRecordsCleanup {
  constructor(
    private readonly installed: Pick<InstalledPluginDao, 'listBySite' | 'delete'>,
    private readonly catalogue: Pick<CataloguePluginDao, 'adjustInstallCount'>,
    private readonly templates: Pick<TemplateDao, 'adjustUsage'>,
  ) {}

  async removePlugins(site: Site): Promise<string[]> {
    const removed: string[] = [];
    for (const plugin of await this.installed.listBySite(site.siteId)) {
      await this.installed.delete(site.siteId, plugin.pluginId);
      await ignoreMissing(() => this.catalogue.adjustInstallCount(plugin.pluginId, -1));
      removed.push(plugin.pluginId);
    }
    return removed;
  }

  async releaseTemplate(site: Site): Promise<number | null> {
    if (!site.templateId) return null;
    const templateId = site.templateId;
    return ignoreMissing(() => this.templates.adjustUsage(templateId, -1));
  }
}

async function ignoreMissing(adjust: () => Promise<number>): Promise<number | null> {
  try {
    return await adjust();
  } catch (error) {
    if (error instanceof ItemMissingError) return null;
    throw error;
  }
}
