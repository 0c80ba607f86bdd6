import type { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import {
  PluginAlreadyInstalledError,
  type InstalledPlugin,
  type InstalledPluginDao,
  type Site,
} from '@bbws/data-access-sites';
import type {
  PluginPackage,
  SiteRef,
  WordPressClient,
  WordPressConnection,
} from '@bbws/integrations-wordpress-client';
import type { Clock } from '@bbws/shared-util';
import { SitePluginRefusedError } from './site-creation.errors';
import type { SitePackageUrls } from './site-package.urls';

/** A catalogue plugin the catalogue lets on the site: its version, core plugin id and package. */
export interface ResolvedPlugin {
  pluginId: string;
  pluginFile: string;
  version: string;
  package: PluginPackage;
}

/**
 * A site's catalogue plugins: checked against the catalogue (`checkInstallable`), installed and
 * activated through the agent, then recorded on the site with the catalogue's `installCount` raised
 * once per site (the installed-plugin item is the guard: a redelivery finds it and counts nothing).
 */
export class SitePlugins {
  constructor(
    private readonly installability: Pick<PluginInstallability, 'check'>,
    private readonly catalogue: Pick<CataloguePluginDao, 'adjustInstallCount'>,
    private readonly installed: Pick<InstalledPluginDao, 'get' | 'put'>,
    private readonly urls: SitePackageUrls,
    private readonly wordpress: Pick<WordPressClient, 'applyTemplate'>,
    private readonly clock: Clock,
  ) {}

  /** The latest installable version. Failure: SitePluginRefusedError (422) with the catalogue's reason. */
  async resolve(site: Site, pluginId: string, alongside: readonly string[]): Promise<ResolvedPlugin> {
    const check = await this.installability.check({
      pluginId,
      wordpressVersion: site.wordpressVersion,
      installed: alongside.filter((id) => id !== pluginId),
    });
    if (!check.ok) throw new SitePluginRefusedError(pluginId, check.reason, { ...check });
    return {
      pluginId,
      pluginFile: check.pluginFile,
      version: check.version,
      package: await this.urls.of(check.packageArtifact),
    };
  }

  /**
   * Installs the package on the network unless it is there already, then activates it on the site: the
   * agent's template route with only this plugin does exactly that, idempotently (a bare install answers
   * "folder exists" when run again).
   */
  async installAndActivate(
    connection: WordPressConnection,
    site: SiteRef,
    plugin: ResolvedPlugin,
  ): Promise<void> {
    await this.wordpress.applyTemplate(connection, site, {
      plugins: [{ plugin: plugin.pluginFile, ...plugin.package }],
    });
  }

  /**
   * Records the plugin on the site (active, unconfigured unless `state` says otherwise, e.g. a clone's
   * copy of its source's record); the first record raises the catalogue's install count.
   */
  async record(
    site: Site,
    plugin: Pick<ResolvedPlugin, 'pluginId' | 'pluginFile' | 'version'>,
    state: Pick<InstalledPlugin, 'isActive' | 'configuration'> = { isActive: true, configuration: {} },
  ): Promise<{ counted: boolean }> {
    if (await this.installed.get(site.siteId, plugin.pluginId)) return { counted: false };
    const now = this.clock.now().toISOString();
    try {
      await this.installed.put({
        siteId: site.siteId,
        pluginId: plugin.pluginId,
        pluginFile: plugin.pluginFile,
        installedVersion: plugin.version,
        previousVersion: null,
        isActive: state.isActive,
        configuration: state.configuration,
        installedAt: now,
        updatedAt: now,
        version: 1,
      });
    } catch (error) {
      if (error instanceof PluginAlreadyInstalledError) return { counted: false };
      throw error;
    }
    await this.catalogue.adjustInstallCount(plugin.pluginId, 1);
    return { counted: true };
  }
}
