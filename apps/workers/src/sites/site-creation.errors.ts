import { BusinessRuleError, NotFoundError } from '@bbws/shared-errors';

/** The site's instance is missing or not ACTIVE: retrying cannot help, the operation fails. */
export class SiteInstanceNotReadyError extends BusinessRuleError {
  constructor(instanceId: string, status: string | null) {
    super(
      'INSTANCE_NOT_READY',
      status === null
        ? `Instance ${instanceId} does not exist`
        : `Instance ${instanceId} is ${status}, not ACTIVE`,
      { instanceId, status },
    );
  }
}

/** The network holds a site with this domain that this site never recorded (its blog id is unknown). */
export class SiteDomainTakenError extends BusinessRuleError {
  constructor(domain: string) {
    super('SITE_DOMAIN_TAKEN', `The network already has a site at ${domain} that is not this site's`, {
      domain,
    });
  }
}

/** A requested or template plugin the catalogue refuses (blocklisted, vulnerable, incompatible...). */
export class SitePluginRefusedError extends BusinessRuleError {
  constructor(pluginId: string, reason: string, details: Record<string, unknown>) {
    super('PLUGIN_NOT_INSTALLABLE', `Plugin ${pluginId} cannot be installed: ${reason}`, details);
  }
}

export class SiteMissingError extends NotFoundError {
  constructor(siteId: string) {
    super('SITE', siteId);
  }
}
