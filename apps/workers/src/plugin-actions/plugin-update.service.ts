import type { CataloguePluginDao, PluginInstallability } from '@bbws/data-access-catalogue';
import type { InstalledPlugin, InstalledPluginDao } from '@bbws/data-access-sites';
import { newFailures, type SiteHealthCheck, type SiteHealthReport } from '@bbws/integrations-instance-agents';
import type { WordPressClient } from '@bbws/integrations-wordpress-client';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { PluginUpdatePayload } from '@bbws/shared-contracts';
import { NotFoundError } from '@bbws/shared-errors';
import { compareWpVersions } from '@bbws/shared-util';
import { SitePluginRefusedError } from '../sites/site-creation.errors';
import type { SitePackageUrls } from '../sites/site-package.urls';
import type { InstancePluginRecords } from './instance-plugin.records';
import {
  PluginNotInstalledError,
  PluginUpdateRolledBackError,
  PluginVersionNotNewerError,
} from './plugin-action.errors';
import type { PluginActionTarget, PluginActionTargets } from './plugin-action.target';

export interface PluginUpdateDeps {
  targets: PluginActionTargets;
  installability: Pick<PluginInstallability, 'check'>;
  catalogue: Pick<CataloguePluginDao, 'get'>;
  installed: Pick<InstalledPluginDao, 'get' | 'listBySite' | 'update'>;
  urls: SitePackageUrls;
  wordpress: Pick<WordPressClient, 'updatePlugin' | 'togglePlugin'>;
  health: Pick<SiteHealthCheck, 'check'>;
  holders: Pick<InstancePluginRecords, 'others'>;
}

interface Plan extends Record<string, unknown> {
  pluginFile: string;
  previousVersion: string;
  targetVersion: string;
  wasActive: boolean;
}

const ROLLBACK_STEPS = ['roll-back', 'check-health-after-rollback'];

/**
 * PLUGIN_UPDATE: the installed and the target version recorded in the first checkpoint, the site's health
 * taken as a baseline, the plugin updated through the agent (configuration options untouched), the health
 * checked again. When a check that passed before now fails (home page 5xx or PHP fatal, a platform check
 * of the agent such as the last request's fatal error), the previous version's package goes back on, the
 * plugin is re-activated, the health checked once more and the operation FAILS with
 * PLUGIN_UPDATE_ROLLED_BACK (the site stays ACTIVE, the record on the previous version). Else the record
 * moves to the new version with `previousVersion` set, and so do the records of the instance's other
 * sites with the plugin (they share its files).
 */
export class PluginUpdateService {
  constructor(private readonly deps: PluginUpdateDeps) {}

  async update(context: OperationContext<PluginUpdatePayload>): Promise<OperationOutcome> {
    const { payload } = context;
    const tenantId = context.operation.tenantId;
    await context.plan(['prepare', 'baseline-health', 'update-plugin', 'check-health', 'record-update']);
    const target = await this.deps.targets.load(tenantId, payload.siteId);
    const plan = await context.step('prepare', () => this.prepare(target, payload));
    const baseline = await context.step('baseline-health', () => this.health(target));
    await context.step('update-plugin', async () => {
      const pluginPackage = await this.packageOf(target, payload.pluginId, plan.targetVersion);
      const updated = await this.deps.wordpress.updatePlugin(
        target.connection,
        plan.pluginFile,
        pluginPackage,
      );
      return { version: updated.version };
    });
    const after = await context.step('check-health', () => this.health(target));
    const broken = newFailures(baseline, after);
    if (broken.length > 0) {
      await context.plan(['prepare', 'baseline-health', 'update-plugin', 'check-health', ...ROLLBACK_STEPS]);
      await context.step('roll-back', async () => {
        const pluginPackage = await this.packageOf(target, payload.pluginId, plan.previousVersion);
        const restored = await this.deps.wordpress.updatePlugin(
          target.connection,
          plan.pluginFile,
          pluginPackage,
        );
        if (plan.wasActive)
          await this.deps.wordpress.togglePlugin(target.connection, target.ref, plan.pluginFile, true);
        return { version: restored.version };
      });
      await context.step('check-health-after-rollback', () => this.health(target));
      throw new PluginUpdateRolledBackError(
        payload.pluginId,
        plan.targetVersion,
        plan.previousVersion,
        broken,
      );
    }
    // The files are the network's: every site of the instance with the plugin now runs the new version.
    await context.step('record-update', async () => {
      const others = await this.deps.holders.others(target.site.instanceId, payload.siteId, payload.pluginId);
      const records = [await this.record(payload.siteId, payload.pluginId), ...others];
      for (const record of records.filter((candidate) => candidate.installedVersion !== plan.targetVersion))
        await this.deps.installed.update(record, record.version, {
          installedVersion: plan.targetVersion,
          previousVersion: record.installedVersion,
        });
      return { sites: records.map((record) => record.siteId) };
    });
    return {
      result: {
        siteId: payload.siteId,
        pluginId: payload.pluginId,
        version: plan.targetVersion,
        previousVersion: plan.previousVersion,
        healthStatus: after.status,
      },
      message: `Plugin ${plan.pluginFile} updated from ${plan.previousVersion} to ${plan.targetVersion}`,
    };
  }

  /** The installed version and the target: installable (not vulnerable, compatible...) and newer. */
  private async prepare(target: PluginActionTarget, payload: PluginUpdatePayload): Promise<Plan> {
    const record = await this.record(payload.siteId, payload.pluginId);
    const others = (await this.deps.installed.listBySite(payload.siteId))
      .map((plugin) => plugin.pluginId)
      .filter((id) => id !== payload.pluginId);
    const check = await this.deps.installability.check({
      pluginId: payload.pluginId,
      ...(payload.version === undefined ? {} : { version: payload.version }),
      wordpressVersion: target.site.wordpressVersion,
      installed: others,
    });
    if (!check.ok) throw new SitePluginRefusedError(payload.pluginId, check.reason, { ...check });
    if (compareWpVersions(check.version, record.installedVersion) <= 0)
      throw new PluginVersionNotNewerError(payload.pluginId, record.installedVersion, check.version);
    return {
      pluginFile: record.pluginFile,
      previousVersion: record.installedVersion,
      targetVersion: check.version,
      wasActive: record.isActive,
    };
  }

  private async record(siteId: string, pluginId: string): Promise<InstalledPlugin> {
    const record = await this.deps.installed.get(siteId, pluginId);
    if (!record) throw new PluginNotInstalledError(siteId, pluginId);
    return record;
  }

  /** A catalogue version's package (a presigned URL is made per step: they expire). */
  private async packageOf(target: PluginActionTarget, pluginId: string, version: string) {
    const plugin = await this.deps.catalogue.get(pluginId);
    const found = plugin?.versions.find((candidate) => candidate.version === version);
    if (!found)
      throw new NotFoundError('PLUGIN_VERSION', `${pluginId}@${version} (site ${target.site.siteId})`);
    return this.deps.urls.of(found.packageArtifact);
  }

  private async health(target: PluginActionTarget): Promise<SiteHealthReport & Record<string, unknown>> {
    return { ...(await this.deps.health.check(target.connection, target.ref, target.site.siteUrl)) };
  }
}
