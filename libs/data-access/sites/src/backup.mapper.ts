import { readItem, type ItemBase, type StoredItem } from '@bbws/data-access-dynamo';
import type { Backup } from './site.entity';
import { siteKeys } from './site.keys';

export interface BackupItem extends ItemBase, Backup {
  entityType: 'BACKUP';
  /** DynamoDB TTL: `expiresAt`, when the retention policy set one. */
  ttl?: number;
}

/** `BACKUPID#{backupId}`: where the backup's item is (its sort key starts with the creation time). */
export interface BackupPointerItem extends ItemBase {
  entityType: 'BACKUP_POINTER';
  backupId: string;
  backupSK: string;
  ttl?: number;
}

export function toBackupItem(backup: Backup): BackupItem {
  return {
    ...siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId),
    entityType: 'BACKUP',
    schemaVersion: 1,
    ...backup,
    updatedAt: backup.completedAt ?? backup.createdAt,
    ...(backup.expiresAt !== null ? { ttl: backup.expiresAt } : {}),
  };
}

export function toBackupPointerItem(backup: Backup): BackupPointerItem {
  return {
    ...siteKeys.backupPointer(backup.siteId, backup.backupId),
    entityType: 'BACKUP_POINTER',
    schemaVersion: 1,
    backupId: backup.backupId,
    backupSK: siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId).SK,
    createdAt: backup.createdAt,
    updatedAt: backup.createdAt,
    ...(backup.expiresAt !== null ? { ttl: backup.expiresAt } : {}),
  };
}

export function fromBackupItem(stored: StoredItem): Backup {
  const item = readItem<BackupItem>(stored);
  return {
    backupId: item.backupId,
    siteId: item.siteId,
    tenantId: item.tenantId,
    status: item.status,
    reason: item.reason,
    artifactKey: item.artifactKey ?? null,
    sha256: item.sha256 ?? null,
    sizeBytes: item.sizeBytes ?? null,
    manifest: item.manifest ?? null,
    operationId: item.operationId ?? null,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    completedAt: item.completedAt ?? null,
    expiresAt: item.expiresAt ?? null,
  };
}
