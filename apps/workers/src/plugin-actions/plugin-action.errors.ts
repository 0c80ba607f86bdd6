import { BusinessRuleError, NotFoundError } from '@bbws/shared-errors';

/** Plugin actions run on ACTIVE sites only; the site changed since the API accepted the action. */
export class PluginSiteNotActiveError extends BusinessRuleError {
  constructor(siteId: string, status: string) {
    super('INVALID_SITE_STATE', `Site ${siteId} is ${status}; plugin actions need it ACTIVE`, {
      siteId,
      status,
    });
  }
}

export class PluginNotInstalledError extends NotFoundError {
  constructor(siteId: string, pluginId: string) {
    super('INSTALLED_PLUGIN', `${siteId}/${pluginId}`);
  }
}

/** The update's target is not newer than the installed version. */
export class PluginVersionNotNewerError extends BusinessRuleError {
  constructor(pluginId: string, installedVersion: string, targetVersion: string) {
    super(
      'PLUGIN_VERSION_NOT_NEWER',
      `Plugin ${pluginId} ${targetVersion} is not newer than the installed ${installedVersion}`,
      { pluginId, installedVersion, targetVersion },
    );
  }
}

/** The update broke the site: the previous version is back and the operation fails with this. */
export class PluginUpdateRolledBackError extends BusinessRuleError {
  constructor(pluginId: string, targetVersion: string, previousVersion: string, broken: readonly string[]) {
    super(
      'PLUGIN_UPDATE_ROLLED_BACK',
      `Updating plugin ${pluginId} to ${targetVersion} broke the site (${broken.join(', ')}); ` +
        `it was rolled back to ${previousVersion}`,
      { pluginId, targetVersion, previousVersion, failedChecks: [...broken] },
    );
  }
}

/** The instance's sites share one copy of each plugin: a site cannot have another version than the others. */
export class PluginVersionConflictError extends BusinessRuleError {
  constructor(pluginId: string, requestedVersion: string, instanceVersion: string) {
    super(
      'PLUGIN_VERSION_CONFLICT',
      `The instance's sites run plugin ${pluginId} ${instanceVersion}; ${requestedVersion} cannot be installed next to it`,
      { pluginId, requestedVersion, instanceVersion },
    );
  }
}
