import type { CataloguePluginDao } from '@bbws/data-access-catalogue';
import type { InstalledPluginDao } from '@bbws/data-access-sites';
import type { WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { PluginUninstallationPayload } from '@bbws/shared-contracts';
import { ItemMissingError, UpstreamError } from '@bbws/shared-errors';
import type { InstancePluginRecords } from './instance-plugin.records';
import { PluginNotInstalledError } from './plugin-action.errors';
import type { PluginActionTargets } from './plugin-action.target';

export interface PluginUninstallationDeps {
  targets: PluginActionTargets;
  holders: Pick<InstancePluginRecords, 'others'>;
  installed: Pick<InstalledPluginDao, 'get' | 'delete'>;
  catalogue: Pick<CataloguePluginDao, 'adjustInstallCount'>;
  wordpress: Pick<WordPressClient, 'togglePlugin' | 'deletePlugin'>;
}

/**
 * PLUGIN_UNINSTALLATION: deactivated on the site first, its record deleted, the catalogue's installCount
 * −1 once (never below 0), then the plugin's files deleted from the network only when no other live site
 * of the instance has an installed-plugin record for it (the agent also refuses while any blog has it
 * active, e.g. a site the platform does not manage: the files then stay).
 */
export class PluginUninstallationService {
  constructor(private readonly deps: PluginUninstallationDeps) {}

  async uninstall(context: OperationContext<PluginUninstallationPayload>): Promise<OperationOutcome> {
    const { payload } = context;
    await context.plan(['deactivate', 'delete-record', 'count-uninstall', 'remove-files']);
    const target = await this.deps.targets.load(context.operation.tenantId, payload.siteId);
    const { pluginFile } = await context.step('deactivate', async () => {
      const record = await this.deps.installed.get(payload.siteId, payload.pluginId);
      if (!record) throw new PluginNotInstalledError(payload.siteId, payload.pluginId);
      await this.deps.wordpress
        .togglePlugin(target.connection, target.ref, record.pluginFile, false)
        .catch(ignore('WORDPRESS_PLUGIN_NOT_FOUND'));
      return { pluginFile: record.pluginFile };
    });
    const { deleted } = await context.step('delete-record', async () => {
      try {
        await this.deps.installed.delete(payload.siteId, payload.pluginId);
        return { deleted: true };
      } catch (error) {
        if (error instanceof ItemMissingError) return { deleted: false };
        throw error;
      }
    });
    await context.step('count-uninstall', async () =>
      deleted
        ? { installCount: await this.deps.catalogue.adjustInstallCount(payload.pluginId, -1) }
        : { skipped: true },
    );
    const files = await context.step('remove-files', () =>
      this.removeFiles(target, payload.siteId, payload.pluginId, pluginFile),
    );
    return {
      result: { siteId: payload.siteId, pluginId: payload.pluginId, filesRemoved: files.removed },
      message: `Plugin ${pluginFile} uninstalled from the site${files.removed ? ' and removed from the network' : ''}`,
    };
  }

  private async removeFiles(
    target: Awaited<ReturnType<PluginActionTargets['load']>>,
    siteId: string,
    pluginId: string,
    pluginFile: string,
  ): Promise<{ removed: boolean; keptFor: string[]; activeOnBlogs?: unknown }> {
    const keptFor = (await this.deps.holders.others(target.site.instanceId, siteId, pluginId)).map(
      (record) => record.siteId,
    );
    if (keptFor.length > 0) return { removed: false, keptFor };
    try {
      await this.deps.wordpress.deletePlugin(target.connection, pluginFile);
      return { removed: true, keptFor };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      if (error.code === 'WORDPRESS_PLUGIN_IN_USE')
        return { removed: false, keptFor, activeOnBlogs: error.details?.wordpress ?? null };
      if (error.code === 'WORDPRESS_PLUGIN_NOT_FOUND') return { removed: false, keptFor };
      throw error;
    }
  }
}

function ignore(code: string) {
  return (error: unknown) => {
    if (!(error instanceof UpstreamError && error.code === code)) throw error;
  };
}
