import { DomainError } from '@bbws/shared-errors';

/** Another site (of any tenant) holds this subdomain. */
export class SubdomainTakenError extends DomainError {
  constructor(readonly subdomain: string) {
    super(`The subdomain ${subdomain} is taken`);
  }
}

/** The tenant already has `quota` live sites in this environment. */
export class QuotaExceededError extends DomainError {
  constructor(
    readonly environment: string,
    readonly quota: number,
    readonly count?: number,
  ) {
    super(`At most ${quota} sites in ${environment}`);
  }
}

/** The site is at the expected version but no longer in a status the change starts from. */
export class SiteStatusChangedError extends DomainError {
  constructor(
    readonly currentStatus: string,
    readonly expectedStatuses: readonly string[],
  ) {
    super(`The site is ${currentStatus}, not ${expectedStatuses.join(' or ')}`);
  }
}

/** The plugin is installed on the site already. */
export class PluginAlreadyInstalledError extends DomainError {
  constructor(
    readonly siteId: string,
    readonly pluginId: string,
  ) {
    super(`Plugin ${pluginId} is already installed on site ${siteId}`);
  }
}

/** The backup is no longer IN_PROGRESS (completed or failed already). */
export class BackupFinishedError extends DomainError {
  constructor(
    readonly backupId: string,
    readonly currentStatus: string,
  ) {
    super(`Backup ${backupId} is ${currentStatus}`);
  }
}
