import { OperationDao } from '@bbws/data-access-operations';
import { AlreadyExistsError } from '@bbws/shared-errors';
import { buildOperation, testDynamoContext } from '@bbws/testing-factories';
import { buildBackup } from '@bbws/testing-sites';
import { BackupDao } from './backup.dao';

const db = testDynamoContext();
const dao = new BackupDao(db);
const operations = new OperationDao(db);

describe('BackupDao.createWrites against DynamoDB Local', () => {
  it('commits the backup and its pointer inside the operation launcher transaction', async () => {
    const operation = buildOperation({ type: 'BACKUP' });
    const backup = buildBackup({ siteId: operation.resourceId, operationId: operation.operationId });
    await operations.createWithLock(operation, dao.createWrites(backup));
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(backup);
    expect(await operations.get(operation.operationId)).toMatchObject({ status: 'PENDING' });
  });

  it('stores nothing when the backup id is taken: no operation, no lock', async () => {
    const backup = buildBackup();
    await dao.create(backup);
    const operation = buildOperation({ resourceId: backup.siteId });
    await expect(
      operations.createWithLock(operation, dao.createWrites({ ...backup, reason: 'PRE_DELETE' })),
    ).rejects.toEqual(new AlreadyExistsError('BACKUP', backup.backupId));
    expect(await operations.get(operation.operationId)).toBeNull();
    expect(await dao.get(backup.siteId, backup.backupId)).toEqual(backup);
    // The lock was not taken either: another operation on the site starts.
    const next = buildOperation({ resourceId: backup.siteId });
    await operations.createWithLock(next, dao.createWrites(buildBackup({ siteId: backup.siteId })));
    expect(await operations.get(next.operationId)).toMatchObject({ status: 'PENDING' });
  });
});
