import type { CataloguePlugin, CataloguePluginDao } from '@bbws/data-access-catalogue';
import type { InstalledPlugin, Site } from '@bbws/data-access-sites';
import type { TenantAccess } from '@bbws/platform-auth';
import type { PluginRequest, SitePluginAccess } from './site-plugin.access';

/** An installed plugin with its catalogue entry (null when the catalogue no longer has it). */
export interface SitePluginView {
  record: InstalledPlugin;
  catalogue: CataloguePlugin | null;
}

/** What the presenter needs for the state- and role-aware links. */
export interface SitePluginsContext {
  site: Site;
  access: TenantAccess;
  operationRunning: boolean;
}

/** GET .../plugins (members): the site's installed plugins joined with the catalogue in one batch read. */
export class SitePluginsService {
  constructor(
    private readonly reads: SitePluginAccess,
    private readonly catalogue: Pick<CataloguePluginDao, 'getMany'>,
  ) {}

  async list(request: PluginRequest): Promise<{ context: SitePluginsContext; plugins: SitePluginView[] }> {
    const context = await this.context(request);
    const records = await this.reads.listInstalled(request.siteId);
    const entries = await this.catalogue.getMany(records.map((record) => record.pluginId));
    const byId = new Map(entries.map((entry) => [entry.pluginId, entry]));
    return {
      context,
      plugins: records.map((record) => ({ record, catalogue: byId.get(record.pluginId) ?? null })),
    };
  }

  /** One plugin after a change, with the context of its links. */
  async view(
    request: PluginRequest,
    record: InstalledPlugin,
  ): Promise<{ context: SitePluginsContext; plugin: SitePluginView }> {
    const context = await this.context(request);
    const [catalogue] = await this.catalogue.getMany([record.pluginId]);
    return { context, plugin: { record, catalogue: catalogue ?? null } };
  }

  private async context(request: PluginRequest): Promise<SitePluginsContext> {
    const { access, site } = await this.reads.site(request, 'member');
    return { site, access, operationRunning: await this.reads.operationRunning(site.siteId) };
  }
}
