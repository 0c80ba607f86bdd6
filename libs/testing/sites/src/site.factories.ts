import { newId } from '@bbws/shared-util';
import type { Backup, InstalledPlugin, Site } from '@bbws/data-access-sites';

let sequence = 0;

/** A subdomain no other test of this run uses. */
export function uniqueSubdomain(): string {
  sequence += 1;
  return `s${Date.now().toString(36)}${process.pid.toString(36)}${sequence}`;
}

/** A site as the API stores it on creation; `overrides` win. */
export function buildSite(overrides: Partial<Site> = {}): Site {
  const subdomain = overrides.subdomain ?? uniqueSubdomain();
  const environment = overrides.environment ?? 'DEV';
  const now = new Date().toISOString();
  return {
    siteId: newId('site'),
    tenantId: newId('tenant'),
    instanceId: newId('inst'),
    siteName: 'Shop',
    subdomain,
    siteUrl: `http://${subdomain}.${environment.toLowerCase()}.localhost:3000`,
    environment,
    status: 'PROVISIONING',
    templateId: null,
    wordpressVersion: '6.8',
    phpVersion: '8.2',
    healthStatus: 'UNKNOWN',
    wpSiteId: null,
    promotedFromSiteId: null,
    ownerId: 'user-1',
    configuration: { title: 'Shop' },
    lastError: null,
    purgeAfter: null,
    createdAt: now,
    createdBy: 'user-1',
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

export function buildInstalledPlugin(overrides: Partial<InstalledPlugin> = {}): InstalledPlugin {
  const now = new Date().toISOString();
  return {
    siteId: newId('site'),
    pluginId: newId('plg'),
    pluginFile: 'contact-form/contact-form.php',
    installedVersion: '1.0.0',
    previousVersion: null,
    isActive: true,
    configuration: {},
    installedAt: now,
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

export function buildBackup(overrides: Partial<Backup> = {}): Backup {
  return {
    backupId: newId('bkp'),
    siteId: newId('site'),
    tenantId: newId('tenant'),
    status: 'IN_PROGRESS',
    reason: 'MANUAL',
    artifactKey: null,
    sha256: null,
    sizeBytes: null,
    manifest: null,
    operationId: null,
    createdAt: new Date().toISOString(),
    createdBy: 'user-1',
    completedAt: null,
    expiresAt: null,
    ...overrides,
  };
}
