import {
  TransactionBuilder,
  deleteKey,
  extraWrites,
  getItem,
  putNew,
  readItem,
  type DynamoContext,
  type ExtraWrites,
  type StoredItem,
  type TransactionEntry,
} from '@bbws/data-access-dynamo';
import { AlreadyExistsError, ItemMissingError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { fromBackupItem, toBackupItem, toBackupPointerItem, type BackupPointerItem } from './backup.mapper';
import { filledPage } from './filled-page';
import type { Backup } from './site.entity';
import { BackupFinishedError } from './site.errors';
import { siteKeys } from './site.keys';

/** What a finished upload records on its backup. */
export interface BackupResult {
  artifactKey: string;
  sha256: string;
  sizeBytes: number;
  manifest: NonNullable<Backup['manifest']>;
  /** Retention: when DynamoDB may drop the record (epoch seconds); leaves the stored one when absent. */
  expiresAt?: number | null;
}

/**
 * Site backups (`SITE#{siteId}` / `BACKUP#{createdAt}#{backupId}`, newest last in the partition). A small
 * pointer item `BACKUPID#{backupId}` holds each backup's sort key, so a backup is found by id with two
 * strongly consistent reads instead of a filtered query of the site's backups.
 */
export class BackupDao {
  constructor(private readonly db: DynamoContext) {}

  private get table(): string {
    return this.db.tables.sites;
  }

  /** Records a new backup (normally IN_PROGRESS) with its pointer; AlreadyExistsError when the id is taken. */
  async create(backup: Backup): Promise<void> {
    const exists = () => new AlreadyExistsError('BACKUP', backup.backupId);
    await new TransactionBuilder()
      .add(putNew(this.table, toBackupItem(backup)), exists)
      .add(putNew(this.table, toBackupPointerItem(backup)), exists)
      .commit(this.db.client);
  }

  /**
   * The new backup (normally IN_PROGRESS, naming its BACKUP operation) with its pointer, for the operation
   * launcher's transaction; AlreadyExistsError when the id is taken.
   */
  createWrites(backup: Backup): ExtraWrites {
    return extraWrites(
      [putNew(this.table, toBackupItem(backup)), putNew(this.table, toBackupPointerItem(backup))],
      () => new AlreadyExistsError('BACKUP', backup.backupId),
    );
  }

  async get(siteId: string, backupId: string): Promise<Backup | null> {
    const pointer = await getItem(this.db.client, this.table, siteKeys.backupPointer(siteId, backupId));
    if (!pointer) return null;
    const key = { PK: siteKeys.sitePartition(siteId), SK: readItem<BackupPointerItem>(pointer).backupSK };
    const item = await getItem(this.db.client, this.table, key);
    return item ? fromBackupItem(item) : null;
  }

  /** COMPLETED with its archive; returns it as written. Failures: BackupFinishedError, ItemMissingError. */
  async complete(backup: Backup, result: BackupResult): Promise<Backup> {
    const { expiresAt = backup.expiresAt, ...recorded } = result;
    const completed: Backup = {
      ...backup,
      ...recorded,
      expiresAt,
      status: 'COMPLETED',
      completedAt: this.now(),
    };
    await this.finish(backup, completed);
    return completed;
  }

  /** FAILED (the operation holds the error); returns it as written. Failures as {@link complete}. */
  async fail(backup: Backup): Promise<Backup> {
    const failed: Backup = { ...backup, status: 'FAILED', completedAt: this.now() };
    await this.finish(backup, failed);
    return failed;
  }

  /** A site's backups, newest first. */
  async listBySite(siteId: string, page: PageRequest): Promise<Page<Backup>> {
    const result = await filledPage(this.db, this.siteList(siteId), page);
    return { items: result.items.map(fromBackupItem), nextStartAt: result.nextStartAt };
  }

  /** Removes the backup's record and pointer (after its archive is deleted); idempotent. */
  async delete(backup: Pick<Backup, 'siteId' | 'backupId' | 'createdAt'>): Promise<void> {
    await new TransactionBuilder()
      .add(deleteKey(this.table, siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId)))
      .add(deleteKey(this.table, siteKeys.backupPointer(backup.siteId, backup.backupId)))
      .commit(this.db.client);
  }

  /**
   * Retention: the backups to remove so that the newest `keep` COMPLETED ones remain, newest first.
   * Everything older than the `keep`-th newest COMPLETED backup is returned, FAILED ones included;
   * IN_PROGRESS ones and failures newer than it are never returned.
   */
  async keepLatest(siteId: string, keep: number): Promise<Backup[]> {
    const surplus: Backup[] = [];
    let kept = 0;
    let startAt: string | undefined;
    do {
      const page = await filledPage(this.db, this.siteList(siteId), {
        pageSize: 100,
        ...(startAt ? { startAt } : {}),
      });
      for (const backup of page.items.map(fromBackupItem)) {
        if (kept < keep) {
          if (backup.status === 'COMPLETED') kept += 1;
        } else if (backup.status !== 'IN_PROGRESS') {
          surplus.push(backup);
        }
      }
      startAt = page.nextStartAt ?? undefined;
    } while (startAt);
    return surplus;
  }

  private siteList(siteId: string) {
    return {
      tableName: this.table,
      partition: siteKeys.sitePartition(siteId),
      sortKey: { beginsWith: siteKeys.backupPrefix },
      descending: true,
    };
  }

  /** Writes the finished backup if the stored one is still IN_PROGRESS, with the pointer's expiry. */
  private async finish(current: Backup, finished: Backup): Promise<void> {
    const item = toBackupItem(finished);
    const entry: TransactionEntry = [
      {
        Put: {
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_exists(PK) AND #status = :inProgress',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      (old?: StoredItem) =>
        old
          ? new BackupFinishedError(current.backupId, fromBackupItem(old).status)
          : new ItemMissingError('BACKUP', current.backupId),
    ];
    await new TransactionBuilder()
      .add(...entry)
      .add({ Put: { TableName: this.table, Item: toBackupPointerItem(finished) } })
      .commit(this.db.client);
  }

  private now(): string {
    return this.db.clock.now().toISOString();
  }
}
