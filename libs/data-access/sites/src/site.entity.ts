import type { HostingEnvironment } from '@bbws/shared-contracts';

/** API.md § Sites: `PROVISIONING → ACTIVE | FAILED`, `ACTIVE ⇄ SUSPENDED`, `… → DEPROVISIONING → DELETED`. */
export const SITE_STATUSES = [
  'PROVISIONING',
  'ACTIVE',
  'FAILED',
  'SUSPENDED',
  'DEPROVISIONING',
  'DELETED',
] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const SITE_HEALTH_STATUSES = ['HEALTHY', 'DEGRADED', 'UNHEALTHY', 'UNKNOWN'] as const;
export type SiteHealthStatus = (typeof SITE_HEALTH_STATUSES)[number];

/** Sites per tenant and environment, by the instance's tier (API.md: STANDARD 5, PROFESSIONAL 20, ENTERPRISE 100). */
export const SITE_QUOTAS = { STANDARD: 5, PROFESSIONAL: 20, ENTERPRISE: 100 } as const;

export interface SiteConfiguration {
  title?: string;
  tagline?: string;
  timezone?: string;
  language?: string;
}

export interface SiteError {
  code: string;
  message: string;
  at: string;
  operationId?: string;
}

export interface Site {
  siteId: string;
  tenantId: string;
  instanceId: string;
  siteName: string;
  /** Unique platform-wide (guard item `SUBDOMAIN#{subdomain}`). */
  subdomain: string;
  siteUrl: string;
  environment: HostingEnvironment;
  status: SiteStatus;
  templateId: string | null;
  wordpressVersion: string;
  phpVersion: string;
  healthStatus: SiteHealthStatus;
  /** The multisite blog id, once the network site exists. */
  wpSiteId: number | null;
  promotedFromSiteId: string | null;
  ownerId: string;
  configuration: SiteConfiguration;
  lastError: SiteError | null;
  /** PROD soft delete: when the site is removed for good unless restored (null otherwise). */
  purgeAfter: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

/** A plugin installed on a site (item `SITE#{siteId}` / `PLUGIN#{pluginId}`). */
export interface InstalledPlugin {
  siteId: string;
  pluginId: string;
  /** Core's plugin id (`folder/main-file`). */
  pluginFile: string;
  installedVersion: string;
  /** The version before the last update (for rollback), null after an install. */
  previousVersion: string | null;
  isActive: boolean;
  configuration: Record<string, unknown>;
  installedAt: string;
  updatedAt: string;
  version: number;
}

export const BACKUP_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

export const BACKUP_REASONS = ['MANUAL', 'PRE_DELETE', 'PRE_PROMOTION', 'PRE_RESTORE', 'PRE_UPDATE'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A site backup (item `SITE#{siteId}` / `BACKUP#{createdAt}#{backupId}`), its archive in the artifact store. */
export interface Backup {
  backupId: string;
  siteId: string;
  tenantId: string;
  status: BackupStatus;
  reason: BackupReason;
  /** `backups/{tenantId}/{siteId}/{backupId}.zip` once uploaded. */
  artifactKey: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  /** The agent's manifest summary: tables with row counts, upload files. */
  manifest: { tables: Record<string, number>; uploads: number } | null;
  operationId: string | null;
  createdAt: string;
  createdBy: string;
  completedAt: string | null;
  /** DynamoDB TTL (epoch seconds) from the retention policy; null = kept until deleted. */
  expiresAt: number | null;
}
