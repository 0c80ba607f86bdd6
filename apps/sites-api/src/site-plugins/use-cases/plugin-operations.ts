import type { PluginInstallability } from '@bbws/data-access-catalogue';
import { SiteStatusChangedError, type Site, type SiteDao } from '@bbws/data-access-sites';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { BusinessRuleError, ConflictError, VersionConflictError } from '@bbws/shared-errors';
import { compareWpVersions } from '@bbws/shared-util';
import { pluginRefused } from '../../sites/site-errors';
import type { InstancePluginVersion } from '../instance-plugin.version';
import type { PluginActionSite, PluginRequest, SitePluginAccess } from '../site-plugin.access';
import { PLUGIN_ACTORS, PLUGIN_REMOVERS } from '../site-plugin.rules';

export interface InstallPluginInput {
  pluginId: string;
  version?: string;
  activate?: boolean;
}

/**
 * POST .../plugins (PLUGIN_INSTALLATION), PUT .../plugins/{p}/update (PLUGIN_UPDATE) and DELETE
 * .../plugins/{p} (PLUGIN_UNINSTALLATION, ADMIN): the rules checked on the site as read, then the
 * operation launched with the site's conditional change (still ACTIVE at the version read), so a site
 * that moved meanwhile gets no plugin operation.
 */
export class PluginOperations {
  constructor(
    private readonly reads: SitePluginAccess,
    private readonly installability: Pick<PluginInstallability, 'check'>,
    private readonly shared: Pick<InstancePluginVersion, 'of'>,
    private readonly sites: Pick<SiteDao, 'changeWrites'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
  ) {}

  /**
   * The version asked (default: the one the instance's other sites run, else the latest): 409
   * PLUGIN_ALREADY_INSTALLED; the catalogue's refusals (422 PLUGIN_BLOCKLISTED, PLUGIN_VULNERABLE,
   * INCOMPATIBLE_WORDPRESS, PLUGIN_NOT_AVAILABLE; 409 PLUGIN_CONFLICT with an installed plugin); then 409
   * PLUGIN_VERSION_CONFLICT for another version than the instance's sites share (one copy per network).
   */
  async install(
    request: PluginRequest,
    input: InstallPluginInput,
    correlationId: string,
  ): Promise<Operation> {
    const target = await this.reads.forAction(request, PLUGIN_ACTORS);
    const installed = (await this.reads.listInstalled(request.siteId)).map((plugin) => plugin.pluginId);
    if (installed.includes(input.pluginId))
      throw new ConflictError(
        'PLUGIN_ALREADY_INSTALLED',
        `Plugin ${input.pluginId} is installed on the site`,
        {
          pluginId: input.pluginId,
        },
      );
    const instanceVersion = await this.shared.of(target.site.instanceId, target.site.siteId, input.pluginId);
    const version = input.version ?? instanceVersion ?? undefined;
    const check = await this.installability.check({
      pluginId: input.pluginId,
      ...(version === undefined ? {} : { version }),
      wordpressVersion: target.site.wordpressVersion,
      installed,
    });
    if (!check.ok) throw pluginRefused(check);
    if (instanceVersion !== null && check.version !== instanceVersion)
      throw new ConflictError(
        'PLUGIN_VERSION_CONFLICT',
        `The instance's sites run plugin ${input.pluginId} ${instanceVersion}; ${check.version} cannot be installed next to it`,
        { pluginId: input.pluginId, requestedVersion: check.version, instanceVersion },
      );
    return this.launch(target, request, correlationId, MESSAGES.PLUGIN_INSTALLATION, {
      siteId: request.siteId,
      pluginId: input.pluginId,
      version: check.version,
      activate: input.activate ?? true,
    });
  }

  /** The target (default: the latest) checked like an installation and newer than the installed one (422). */
  async update(
    request: PluginRequest,
    pluginId: string,
    version: string | undefined,
    correlationId: string,
  ): Promise<Operation> {
    const target = await this.reads.forAction(request, PLUGIN_ACTORS);
    const record = await this.reads.installedPlugin(request.siteId, pluginId);
    const others = (await this.reads.listInstalled(request.siteId))
      .map((plugin) => plugin.pluginId)
      .filter((id) => id !== pluginId);
    const check = await this.installability.check({
      pluginId,
      ...(version === undefined ? {} : { version }),
      wordpressVersion: target.site.wordpressVersion,
      installed: others,
    });
    if (!check.ok) throw pluginRefused(check);
    if (compareWpVersions(check.version, record.installedVersion) <= 0)
      throw new BusinessRuleError(
        'PLUGIN_VERSION_NOT_NEWER',
        `Plugin ${pluginId} ${check.version} is not newer than the installed ${record.installedVersion}`,
        { pluginId, installedVersion: record.installedVersion, targetVersion: check.version },
      );
    return this.launch(target, request, correlationId, MESSAGES.PLUGIN_UPDATE, {
      siteId: request.siteId,
      pluginId,
      version: check.version,
    });
  }

  async uninstall(request: PluginRequest, pluginId: string, correlationId: string): Promise<Operation> {
    const target = await this.reads.forAction(request, PLUGIN_REMOVERS);
    await this.reads.installedPlugin(request.siteId, pluginId);
    return this.launch(target, request, correlationId, MESSAGES.PLUGIN_UNINSTALLATION, {
      siteId: request.siteId,
      pluginId,
    });
  }

  private async launch<P extends object>(
    target: PluginActionSite,
    request: PluginRequest,
    correlationId: string,
    contract: MessageContract<P>,
    payload: P,
  ): Promise<Operation> {
    const site: Site = target.site;
    return this.launcher
      .launch({
        contract,
        tenantId: request.tenantId,
        resourceType: 'site',
        resourceId: site.siteId,
        createdBy: request.caller.userId,
        correlationId,
        payload,
        extra: this.sites.changeWrites(site, {
          expectedVersion: site.version,
          expectedStatuses: ['ACTIVE'],
          changes: {},
        }),
      })
      .catch((error: unknown) => {
        if (error instanceof VersionConflictError || error instanceof SiteStatusChangedError)
          throw new ConflictError('CONFLICT', 'The site changed meanwhile; read it again and retry', {
            siteId: site.siteId,
          });
        throw error;
      });
  }
}
