import type { CataloguePluginDao, Template, TemplateDao } from '@bbws/data-access-catalogue';
import type { InstalledPlugin, InstalledPluginDao, Site } from '@bbws/data-access-sites';
import type { SiteRef, WordPressClient } from '@bbws/integrations-wordpress-client';
import { BusinessRuleError, ItemMissingError } from '@bbws/shared-errors';
import type { SiteNetwork, SiteOnNetwork } from '../sites/site-network';
import type { SitePackageUrls } from '../sites/site-package.urls';
import type { SitePlugins } from '../sites/site-plugins';

export interface PluginSync {
  [key: string]: unknown;
  added: string[];
  updated: string[];
  removed: string[];
}

/**
 * A site's catalogue packages carried over to the site its content is copied to: on another instance,
 * its template's theme and the plugin versions it runs are installed on the target's network; then its
 * installed-plugin records are copied (version, active flag, configuration), the catalogue's install
 * count raised once per new record (and lowered once per record a promotion removes).
 */
export class SitePackageCopies {
  constructor(
    private readonly installed: Pick<InstalledPluginDao, 'listBySite' | 'update' | 'delete'>,
    private readonly catalogue: Pick<CataloguePluginDao, 'get' | 'adjustInstallCount'>,
    private readonly templates: Pick<TemplateDao, 'get'>,
    private readonly plugins: Pick<SitePlugins, 'record'>,
    private readonly urls: SitePackageUrls,
    private readonly wordpress: Pick<WordPressClient, 'applyTemplate'>,
    private readonly network: Pick<SiteNetwork, 'load'>,
  ) {}

  /**
   * Installs the source's theme (its template's) and plugin versions on the target's network: the
   * template route installs missing packages and activates them on the target, and the import that
   * follows brings the source's own theme and active plugins. Nothing to do on the source's own
   * instance, whose network has them already.
   */
  async installPackages(
    source: Site,
    target: SiteOnNetwork,
    ref: SiteRef,
  ): Promise<{ theme: string | null; plugins: string[] }> {
    if (source.instanceId === target.instance.instanceId) return { theme: null, plugins: [] };
    const records = await this.installed.listBySite(source.siteId);
    const plugins = await Promise.all(records.map((record) => this.packageOf(record)));
    const template = source.templateId ? await this.templates.get(source.templateId) : null;
    const theme = template ? await this.themeOf(template) : undefined;
    if (plugins.length || theme)
      await this.wordpress.applyTemplate(target.connection, ref, { theme, plugins });
    return { theme: theme?.stylesheet ?? null, plugins: records.map((record) => record.pluginId) };
  }

  /** Copies the source's records onto the target; `exact` also removes the target's other records. */
  async copyRecords(source: Site, target: Site, exact: boolean): Promise<PluginSync> {
    const wanted = await this.installed.listBySite(source.siteId);
    const present = new Map((await this.installed.listBySite(target.siteId)).map((p) => [p.pluginId, p]));
    const sync: PluginSync = { added: [], updated: [], removed: [] };
    const current = await this.network.load(target.tenantId, target.siteId);
    for (const plugin of wanted) {
      const existing = present.get(plugin.pluginId);
      if (!existing) {
        const { counted } = await this.plugins.record(
          current,
          { pluginId: plugin.pluginId, pluginFile: plugin.pluginFile, version: plugin.installedVersion },
          { isActive: plugin.isActive, configuration: plugin.configuration },
        );
        if (counted) sync.added.push(plugin.pluginId);
      } else if (differs(existing, plugin)) {
        await this.installed.update(existing, existing.version, {
          pluginFile: plugin.pluginFile,
          installedVersion: plugin.installedVersion,
          previousVersion:
            existing.installedVersion === plugin.installedVersion
              ? existing.previousVersion
              : existing.installedVersion,
          isActive: plugin.isActive,
          configuration: plugin.configuration,
        });
        sync.updated.push(plugin.pluginId);
      }
    }
    const kept = new Set(wanted.map((plugin) => plugin.pluginId));
    for (const extra of exact ? [...present.values()].filter((p) => !kept.has(p.pluginId)) : []) {
      try {
        await this.installed.delete(extra.siteId, extra.pluginId, extra.version);
      } catch (error) {
        if (error instanceof ItemMissingError) continue;
        throw error;
      }
      await this.catalogue.adjustInstallCount(extra.pluginId, -1);
      sync.removed.push(extra.pluginId);
    }
    return sync;
  }

  private async packageOf(record: InstalledPlugin) {
    const plugin = await this.catalogue.get(record.pluginId);
    const version = plugin?.versions.find((candidate) => candidate.version === record.installedVersion);
    if (!version)
      throw new BusinessRuleError(
        'PLUGIN_PACKAGE_MISSING',
        `The catalogue has no package of ${record.pluginId} ${record.installedVersion}`,
        { pluginId: record.pluginId, version: record.installedVersion },
      );
    return { plugin: record.pluginFile, ...(await this.urls.of(version.packageArtifact)) };
  }

  private async themeOf(template: Template) {
    const { slug, packageArtifact } = template.theme;
    return { stylesheet: slug, ...(packageArtifact ? await this.urls.of(packageArtifact) : {}) };
  }
}

function differs(a: InstalledPlugin, b: InstalledPlugin): boolean {
  return (
    a.pluginFile !== b.pluginFile ||
    a.installedVersion !== b.installedVersion ||
    a.isActive !== b.isActive ||
    JSON.stringify(a.configuration) !== JSON.stringify(b.configuration)
  );
}
