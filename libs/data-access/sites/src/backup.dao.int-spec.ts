import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, ItemMissingError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildBackup } from '@bbws/testing-sites';
import { BackupDao } from './backup.dao';
import type { Backup, BackupStatus } from './site.entity';
import { BackupFinishedError } from './site.errors';
import { siteKeys } from './site.keys';

const db = testDynamoContext();
const dao = new BackupDao(db);

const result = {
  artifactKey: 'backups/t/s/b.tar.gz',
  sha256: 'a'.repeat(64),
  sizeBytes: 2048,
  manifest: { tables: { wp_2_posts: 200 }, uploads: 3 },
};

async function raw(key: { PK: string; SK: string }) {
  return (await db.client.send(new GetCommand({ TableName: db.tables.sites, Key: key }))).Item;
}

/** Backups of one site created a second apart, oldest first, in the given statuses. */
async function backupsOf(siteId: string, statuses: BackupStatus[]): Promise<Backup[]> {
  const start = Date.now() - statuses.length * 1000;
  const backups = statuses.map((status, i) =>
    buildBackup({ siteId, status, createdAt: new Date(start + i * 1000).toISOString() }),
  );
  for (const backup of backups) await dao.create(backup);
  return backups;
}

describe('BackupDao against DynamoDB Local', () => {
  it('creates a backup IN_PROGRESS and finds it by id through its pointer', async () => {
    const backup = buildBackup();
    await dao.create(backup);
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(backup);
    expect(await dao.get(backup.siteId, newId('bkp'))).toBeNull();
    expect(await dao.get(newId('site'), backup.backupId)).toBeNull();
    expect(await raw(siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId))).toMatchObject({
      entityType: 'BACKUP',
      schemaVersion: 1,
    });
    await expect(dao.create(backup)).rejects.toEqual(new AlreadyExistsError('BACKUP', backup.backupId));
  });

  it('completes a backup with its archive, checksum, size, manifest and expiry once', async () => {
    const backup = buildBackup();
    await dao.create(backup);
    const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
    const completed = await dao.complete(backup, { ...result, expiresAt });
    expect(completed).toMatchObject({ ...result, status: 'COMPLETED', expiresAt });
    expect(completed.completedAt).not.toBeNull();
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(completed);
    expect(await raw(siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId))).toMatchObject({
      ttl: expiresAt,
    });
    expect(await raw(siteKeys.backupPointer(backup.siteId, backup.backupId))).toMatchObject({
      ttl: expiresAt,
    });

    await expect(dao.fail(backup)).rejects.toEqual(new BackupFinishedError(backup.backupId, 'COMPLETED'));
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(completed);
    await expect(dao.complete(buildBackup(), result)).rejects.toBeInstanceOf(ItemMissingError);
  });

  it('fails a backup in progress, which then cannot complete', async () => {
    const backup = buildBackup();
    await dao.create(backup);
    const failed = await dao.fail(backup);
    expect(failed).toMatchObject({ status: 'FAILED', artifactKey: null });
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(failed);
    await expect(dao.complete(backup, result)).rejects.toEqual(
      new BackupFinishedError(backup.backupId, 'FAILED'),
    );
    expect(await raw(siteKeys.backup(backup.siteId, backup.createdAt, backup.backupId))).not.toHaveProperty(
      'ttl',
    );
  });

  it('lists a site’s backups newest first, page by page', async () => {
    const siteId = newId('site');
    const backups = await backupsOf(siteId, ['COMPLETED', 'FAILED', 'COMPLETED']);
    const newestFirst = [...backups].reverse();
    const first = await dao.listBySite(siteId, { pageSize: 2 });
    expect(first.items).toEqual(newestFirst.slice(0, 2));
    const rest = await dao.listBySite(siteId, { pageSize: 2, startAt: first.nextStartAt! });
    expect(rest.items).toEqual(newestFirst.slice(2));
    expect(rest.nextStartAt).toBeNull();
  });

  it('deletes a backup and its pointer', async () => {
    const backup = buildBackup();
    await dao.create(backup);
    await dao.delete(backup);
    expect(await dao.get(backup.siteId, backup.backupId)).toBeNull();
    expect(await raw(siteKeys.backupPointer(backup.siteId, backup.backupId))).toBeUndefined();
    expect((await dao.listBySite(backup.siteId, { pageSize: 10 })).items).toEqual([]);
    await dao.delete(backup);
  });

  it('names the backups beyond the newest n COMPLETED ones for retention, never one in progress', async () => {
    const siteId = newId('site');
    const [oldest, oldFailed, older, inProgress, newerFailed, newest] = await backupsOf(siteId, [
      'COMPLETED',
      'FAILED',
      'COMPLETED',
      'IN_PROGRESS',
      'FAILED',
      'COMPLETED',
    ]);
    expect(await dao.keepLatest(siteId, 2)).toEqual([oldFailed, oldest]);
    expect(await dao.keepLatest(siteId, 1)).toEqual([newerFailed, older, oldFailed, oldest]);
    expect(await dao.keepLatest(siteId, 3)).toEqual([]);
    expect(await dao.keepLatest(siteId, 0)).toEqual([newest, newerFailed, older, oldFailed, oldest]);
    expect((await dao.listBySite(siteId, { pageSize: 10 })).items).toContainEqual(inProgress);
  });
});
