import type { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import { PluginAlreadyInstalledError, type InstalledPluginDao } from '@bbws/data-access-sites';
import type { WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { PluginInstallationPayload } from '@bbws/shared-contracts';
import { UpstreamError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { SitePluginRefusedError } from '../sites/site-creation.errors';
import type { SitePackageUrls } from '../sites/site-package.urls';
import type { SitePlugins } from '../sites/site-plugins';
import type { InstancePluginRecords } from './instance-plugin.records';
import { PluginVersionConflictError } from './plugin-action.errors';
import type { PluginActionTargets } from './plugin-action.target';

export interface PluginInstallationDeps {
  targets: PluginActionTargets;
  installability: Pick<PluginInstallability, 'check'>;
  catalogue: Pick<CataloguePluginDao, 'adjustInstallCount'>;
  installed: Pick<InstalledPluginDao, 'listBySite' | 'put'>;
  urls: SitePackageUrls;
  plugins: Pick<SitePlugins, 'installAndActivate'>;
  wordpress: Pick<WordPressClient, 'installPlugin'>;
  holders: Pick<InstancePluginRecords, 'others'>;
  clock: Clock;
}

/**
 * PLUGIN_INSTALLATION: checked again against the catalogue and the site's plugins (and against the version
 * the instance's other sites run: the network has one copy of a plugin), installed on the
 * network from a presigned package URL (sha256 checked by the agent) unless its files are there, activated
 * on the site when asked, recorded, then the catalogue's installCount +1. Recording and counting are
 * separate checkpoints: a redelivery finds the record and still counts once.
 */
export class PluginInstallationService {
  constructor(private readonly deps: PluginInstallationDeps) {}

  async install(context: OperationContext<PluginInstallationPayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const tenantId = context.operation.tenantId;
    await context.plan(['install-plugin', 'record-plugin', 'count-install']);
    const installed = await context.step('install-plugin', async () => {
      const target = await this.deps.targets.load(tenantId, payload.siteId);
      const others = (await this.deps.installed.listBySite(payload.siteId)).map((plugin) => plugin.pluginId);
      const check = await this.deps.installability.check({
        pluginId: payload.pluginId,
        ...(payload.version === undefined ? {} : { version: payload.version }),
        wordpressVersion: target.site.wordpressVersion,
        installed: others.filter((id) => id !== payload.pluginId),
      });
      if (!check.ok) throw new SitePluginRefusedError(payload.pluginId, check.reason, { ...check });
      const [shared] = await this.deps.holders.others(
        target.site.instanceId,
        payload.siteId,
        payload.pluginId,
      );
      if (shared && shared.installedVersion !== check.version)
        throw new PluginVersionConflictError(payload.pluginId, check.version, shared.installedVersion);
      const pluginPackage = await this.deps.urls.of(check.packageArtifact);
      if (payload.activate) {
        await this.deps.plugins.installAndActivate(target.connection, target.ref, {
          pluginId: payload.pluginId,
          pluginFile: check.pluginFile,
          version: check.version,
          package: pluginPackage,
        });
      } else {
        await this.deps.wordpress.installPlugin(target.connection, pluginPackage).catch((error: unknown) => {
          // The network has the plugin's files already (another site uses it): nothing to install.
          if (!(error instanceof UpstreamError && error.code === 'WORDPRESS_ALREADY_INSTALLED')) throw error;
        });
      }
      return { pluginFile: check.pluginFile, version: check.version, isActive: payload.activate };
    });
    await context.step('record-plugin', async () => {
      const now = this.deps.clock.now().toISOString();
      try {
        await this.deps.installed.put({
          siteId: payload.siteId,
          pluginId: payload.pluginId,
          pluginFile: installed.pluginFile,
          installedVersion: installed.version,
          previousVersion: null,
          isActive: installed.isActive,
          configuration: {},
          installedAt: now,
          updatedAt: now,
          version: 1,
        });
      } catch (error) {
        // An earlier attempt of this step wrote it (the API refuses a plugin the site has).
        if (!(error instanceof PluginAlreadyInstalledError)) throw error;
      }
    });
    await context.step('count-install', async () => ({
      installCount: await this.deps.catalogue.adjustInstallCount(payload.pluginId, 1),
    }));
    return {
      result: { siteId: payload.siteId, pluginId: payload.pluginId, version: installed.version },
      message: `Plugin ${installed.pluginFile} ${installed.version} is installed${installed.isActive ? ' and active' : ''}`,
    };
  }
}
