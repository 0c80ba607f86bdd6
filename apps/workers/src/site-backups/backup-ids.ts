import { createHash } from 'node:crypto';
import type { BackupReason } from '@bbws/data-access-sites';

/**
 * The id of the backup an operation takes automatically for `reason` (PRE_RESTORE, PRE_DELETE...):
 * derived from the operation, so a redelivered operation finds the backup its earlier attempt began
 * instead of starting another one (a name-based UUID, version 5 layout over SHA-256).
 */
export function automaticBackupId(operationId: string, reason: BackupReason): string {
  const hex = createHash('sha256').update(`${operationId}/${reason}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `bkp-${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Where a site backup's archive lives: the agent exports one zip (tables as SQL, uploads, manifest.json). */
export function backupArtifactKey(backup: { tenantId: string; siteId: string; backupId: string }): string {
  return `backups/${backup.tenantId}/${backup.siteId}/${backup.backupId}.zip`;
}
