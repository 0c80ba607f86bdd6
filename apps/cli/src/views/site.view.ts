import type { SitesSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type Site = SitesSchemas['schemas']['SiteResponseDto'];
export type SiteStatus = SitesSchemas['schemas']['SiteStatusResponseDto'];
export type SiteHealth = SitesSchemas['schemas']['SiteHealthResponseDto'];
export type Backup = SitesSchemas['schemas']['BackupResponseDto'];

const errorText = (error: { code: string; message: string } | null | undefined) =>
  error ? `${error.code}: ${error.message}` : '';

export const SITE_COLUMNS: Column<Site>[] = [
  { header: 'siteId', value: (site) => site.siteId },
  { header: 'siteName', value: (site) => site.siteName },
  { header: 'environment', value: (site) => site.environment },
  { header: 'status', value: (site) => site.status },
  { header: 'siteUrl', value: (site) => site.siteUrl },
];

export const SITE_FIELDS: Column<Site>[] = [
  ...SITE_COLUMNS,
  { header: 'tenantId', value: (site) => site.tenantId },
  { header: 'instanceId', value: (site) => site.instanceId },
  { header: 'subdomain', value: (site) => site.subdomain },
  { header: 'healthStatus', value: (site) => site.healthStatus },
  { header: 'templateId', value: (site) => site.templateId },
  { header: 'wordpressVersion', value: (site) => site.wordpressVersion },
  { header: 'configuration', value: (site) => site.configuration },
  { header: 'lastError', value: (site) => errorText(site.lastError) },
  { header: 'version', value: (site) => site.version },
];

export const SITE_STATUS_FIELDS: Column<SiteStatus>[] = [
  { header: 'siteId', value: (status) => status.siteId },
  { header: 'status', value: (status) => status.status },
  { header: 'healthStatus', value: (status) => status.healthStatus },
  {
    header: 'operation',
    value: (status) =>
      status.operation
        ? `${status.operation.type} ${status.operation.status} ${status.operation.progress}% ` +
          `${status.operation.currentStep ?? ''} (${status.operation.operationId})`
        : '',
  },
  { header: 'lastError', value: (status) => errorText(status.lastError) },
  { header: 'updatedAt', value: (status) => status.updatedAt },
];

export const SITE_HEALTH_FIELDS: Column<SiteHealth>[] = [
  { header: 'status', value: (health) => health.status },
  { header: 'checkedAt', value: (health) => health.checkedAt },
  { header: 'responseTimeMs', value: (health) => health.responseTimeMs },
];

export const HEALTH_CHECK_COLUMNS: Column<SiteHealth['checks'][number]>[] = [
  { header: 'check', value: (check) => check.name },
  { header: 'status', value: (check) => check.status },
  { header: 'message', value: (check) => check.message },
];

export const BACKUP_COLUMNS: Column<Backup>[] = [
  { header: 'backupId', value: (backup) => backup.backupId },
  { header: 'reason', value: (backup) => backup.reason },
  { header: 'status', value: (backup) => backup.status },
  { header: 'sizeBytes', value: (backup) => backup.sizeBytes },
  { header: 'createdAt', value: (backup) => backup.createdAt },
  { header: 'expiresAt', value: (backup) => backup.expiresAt },
];
