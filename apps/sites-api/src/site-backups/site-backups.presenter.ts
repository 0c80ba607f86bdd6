import type { Backup } from '@bbws/data-access-sites';
import type { TenantAccess } from '@bbws/platform-auth';
import { link, links, presentPage, type Page } from '@bbws/shared-hateoas';
import { hasRole } from '../sites/site-state.rules';
import { siteRoutes } from '../sites/sites.routes';
import type { BackupListResponseDto, BackupResponseDto } from './dto/backup.response.dto';
import type { BackupView } from './site-backups.service';

/** A backup (never its artifact key); `restore` when COMPLETED and `delete` when finished, for ADMINs. */
export function presentBackup({ tenantId, backup, access }: BackupView): BackupResponseDto {
  const { siteId, backupId } = backup;
  const self = siteRoutes.backup(tenantId, siteId, backupId);
  const admin = hasRole(access, ['ADMIN']);
  return {
    backupId,
    siteId,
    status: backup.status,
    reason: backup.reason,
    sizeBytes: backup.sizeBytes,
    sha256: backup.sha256,
    manifest: backup.manifest,
    operationId: backup.operationId,
    createdAt: backup.createdAt,
    createdBy: backup.createdBy,
    completedAt: backup.completedAt,
    expiresAt: backup.expiresAt === null ? null : new Date(backup.expiresAt * 1000).toISOString(),
    _links: links([
      ['self', link(self)],
      ['site', link(siteRoutes.site(tenantId, siteId))],
      [
        'restore',
        link(siteRoutes.restoreBackup(tenantId, siteId, backupId), 'POST'),
        admin && backup.status === 'COMPLETED',
      ],
      ['delete', link(self, 'DELETE'), admin && backup.status !== 'IN_PROGRESS'],
    ]),
  };
}

export function presentBackupList(
  tenantId: string,
  siteId: string,
  access: TenantAccess,
  page: Page<Backup>,
  pageSize: number,
): BackupListResponseDto {
  const path = siteRoutes.backups(tenantId, siteId);
  const response = presentPage(page, (backup) => presentBackup({ tenantId, backup, access }), {
    path,
    query: {},
    pageSize,
  });
  if (hasRole(access, ['ADMIN'])) response._links.create = link(path, 'POST');
  return response;
}
