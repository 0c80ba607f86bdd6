import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { Backup, BackupDao, BackupReason, Site } from '@bbws/data-access-sites';
import type { ArtifactStore } from '@bbws/integrations-artifacts';
import { connectionOf, type InstanceAgentAccess } from '@bbws/integrations-instance-agents';
import type {
  RestoreResult,
  SearchReplacePair,
  SiteArchive,
  SiteRef,
  WordPressClient,
  WordPressConnection,
} from '@bbws/integrations-wordpress-client';
import { AlreadyExistsError, UpstreamError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { SiteInstanceNotReadyError } from '../sites/site-creation.errors';
import { automaticBackupId, backupArtifactKey } from './backup-ids';
import { BACKUP_RETENTION } from './backup-retention';
import { BackupUnusableError, SiteNotOnNetworkError } from './site-backup.errors';

/** Long enough for the agent to export or import a large site (the client's archive timeout). */
const ARCHIVE_URL_SECONDS = 60 * 60;
const ARCHIVE_CONTENT_TYPE = 'application/zip';

export interface SiteBackupsDeps {
  backups: Pick<BackupDao, 'get' | 'create' | 'complete' | 'fail' | 'keepLatest' | 'delete'>;
  instances: Pick<InstanceDao, 'get'>;
  artifacts: Pick<ArtifactStore, 'presignPut' | 'presignGet' | 'head' | 'delete'>;
  wordpress: Pick<WordPressClient, 'createBackup' | 'restoreBackup'>;
  agents: InstanceAgentAccess;
  clock: Clock;
}

export interface TakeBackup {
  reason: BackupReason;
  operationId: string;
  createdBy: string;
  /** The backup the API recorded (MANUAL); otherwise the id is derived from the operation and reason. */
  backupId?: string;
  /** Backups retention must not delete in this run (e.g. the one about to be restored). */
  retain?: string[];
}

/** A completed backup and the older ones retention deleted after it. */
export interface TakenBackup {
  backup: Backup;
  pruned: string[];
}

/**
 * Site backups: the agent exports the site (its tables as SQL, its uploads, a manifest with checksums)
 * into one zip PUT to a presigned URL of `backups/{tenantId}/{siteId}/{backupId}.zip`; the backup is
 * recorded IN_PROGRESS first and COMPLETED with the archive's sha256, size and manifest. A backup
 * already COMPLETED is returned as it is (a redelivery does not export again); one left IN_PROGRESS by
 * an interrupted attempt is exported again to the same key. Retention keeps the newest
 * {@link BACKUP_RETENTION} completed backups per site by the instance's tier.
 */
export class SiteBackups {
  constructor(private readonly deps: SiteBackupsDeps) {}

  async take(site: Site, request: TakeBackup): Promise<TakenBackup> {
    const backupId = request.backupId ?? automaticBackupId(request.operationId, request.reason);
    const { instance, connection } = await this.instanceOf(site);
    const current = await this.recorded(site, backupId, request);
    const retain = [backupId, ...(request.retain ?? [])];
    // Completed by an earlier attempt, which may have stopped before retention ran.
    if (current.status === 'COMPLETED') {
      return { backup: current, pruned: await this.prune(site, instance, retain) };
    }
    if (current.status === 'FAILED') throw new BackupUnusableError(backupId, current.status);
    const artifactKey = backupArtifactKey(current);
    const upload = await this.deps.artifacts.presignPut(artifactKey, {
      contentType: ARCHIVE_CONTENT_TYPE,
      expiresInSeconds: ARCHIVE_URL_SECONDS,
    });
    const archive = await this.deps.wordpress.createBackup(connection, refOf(site), {
      uploadUrl: upload.url,
    });
    await this.checkUploaded(artifactKey, archive);
    const backup = await this.deps.backups.complete(current, {
      artifactKey,
      sha256: archive.sha256,
      sizeBytes: archive.bytes,
      manifest: {
        tables: Object.fromEntries(archive.tables.map((table) => [table.name, table.rows])),
        uploads: archive.uploads.files,
      },
    });
    const pruned = await this.prune(site, instance, retain);
    return { backup, pruned };
  }

  /**
   * Imports `backup` (of this site, or of another one: promotion) into the site; the agent checks the
   * archive's sha256 before touching the site and applies `searchReplace` serialization-safely.
   */
  async restore(site: Site, backup: Backup, searchReplace?: SearchReplacePair[]): Promise<RestoreResult> {
    if (backup.status !== 'COMPLETED' || !backup.artifactKey || !backup.sha256) {
      throw new BackupUnusableError(backup.backupId, backup.status);
    }
    const { connection } = await this.instanceOf(site);
    const download = await this.deps.artifacts.presignGet(backup.artifactKey, {
      expiresInSeconds: ARCHIVE_URL_SECONDS,
    });
    return this.deps.wordpress.restoreBackup(connection, refOf(site), {
      downloadUrl: download.url,
      sha256: backup.sha256,
      ...(searchReplace ? { searchReplace } : {}),
    });
  }

  /**
   * For a failed operation: its backup still IN_PROGRESS becomes FAILED and its partial archive is
   * deleted (a completed or already failed backup is left alone).
   */
  async abandon(siteId: string, backupId: string): Promise<void> {
    const backup = await this.deps.backups.get(siteId, backupId);
    if (backup?.status !== 'IN_PROGRESS') return;
    await this.deps.artifacts.delete(backupArtifactKey(backup));
    await this.deps.backups.fail(backup);
  }

  /** The id {@link take} gives the backup an operation takes automatically for `reason`. */
  backupIdOf(operationId: string, reason: BackupReason): string {
    return automaticBackupId(operationId, reason);
  }

  private async recorded(site: Site, backupId: string, request: TakeBackup): Promise<Backup> {
    const existing = await this.deps.backups.get(site.siteId, backupId);
    if (existing) return existing;
    const backup: Backup = {
      backupId,
      siteId: site.siteId,
      tenantId: site.tenantId,
      status: 'IN_PROGRESS',
      reason: request.reason,
      artifactKey: null,
      sha256: null,
      sizeBytes: null,
      manifest: null,
      operationId: request.operationId,
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: request.createdBy,
      completedAt: null,
      expiresAt: null,
    };
    try {
      await this.deps.backups.create(backup);
      return backup;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const raced = await this.deps.backups.get(site.siteId, backupId);
      if (!raced) throw error;
      return raced;
    }
  }

  /** The agent reported an upload; the store must hold exactly that many bytes at the key. */
  private async checkUploaded(artifactKey: string, archive: SiteArchive): Promise<void> {
    const stored = await this.deps.artifacts.head(artifactKey);
    if (stored?.size !== archive.bytes) {
      throw new UpstreamError(`The backup archive at ${artifactKey} is not the one the agent exported`, {
        code: 'BACKUP_UPLOAD_INCOMPLETE',
        retryable: true,
        details: { artifactKey, expectedBytes: archive.bytes, storedBytes: stored?.size ?? null },
      });
    }
  }

  private async prune(site: Site, instance: Instance, retain: string[]): Promise<string[]> {
    const surplus = await this.deps.backups.keepLatest(site.siteId, BACKUP_RETENTION[instance.tier]);
    const pruned: string[] = [];
    for (const backup of surplus.filter((candidate) => !retain.includes(candidate.backupId))) {
      if (backup.artifactKey) await this.deps.artifacts.delete(backup.artifactKey);
      await this.deps.backups.delete(backup);
      pruned.push(backup.backupId);
    }
    return pruned;
  }

  private async instanceOf(site: Site): Promise<{ instance: Instance; connection: WordPressConnection }> {
    const instance = await this.deps.instances.get(site.tenantId, site.environment);
    if (!instance || instance.instanceId !== site.instanceId) {
      throw new SiteInstanceNotReadyError(site.instanceId, null);
    }
    return { instance, connection: await connectionOf(this.deps.agents, instance) };
  }
}

function refOf(site: Site): SiteRef {
  if (site.wpSiteId === null) throw new SiteNotOnNetworkError(site.siteId);
  return { blogId: site.wpSiteId, host: new URL(site.siteUrl).hostname };
}
