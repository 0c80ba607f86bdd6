import { idPattern } from '@bbws/shared-util';
import { automaticBackupId, backupArtifactKey } from './backup-ids';

describe('automaticBackupId', () => {
  it('is a backup id, the same for the same operation and reason, different otherwise', () => {
    const id = automaticBackupId('op-1', 'PRE_RESTORE');
    expect(id).toMatch(idPattern('bkp'));
    expect(automaticBackupId('op-1', 'PRE_RESTORE')).toBe(id);
    expect(automaticBackupId('op-1', 'PRE_DELETE')).not.toBe(id);
    expect(automaticBackupId('op-2', 'PRE_RESTORE')).not.toBe(id);
  });
});

describe('backupArtifactKey', () => {
  it("names the agent's zip under the tenant and the site", () => {
    expect(backupArtifactKey({ tenantId: 'tenant-1', siteId: 'site-1', backupId: 'bkp-1' })).toBe(
      'backups/tenant-1/site-1/bkp-1.zip',
    );
  });
});
