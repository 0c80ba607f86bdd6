import type { Backup, Site } from '@bbws/data-access-sites';
import { MESSAGES } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { automaticBackupId } from '../src/site-backups/backup-ids';
import { startSiteWorld, type SiteWorld } from './site-update.fixture';

jest.setTimeout(300_000);

/** BACKUP and RESTORE on a real instance of the local cloud (the site-update worker). */
describe('workers: site backups and restores on a real WordPress instance (local cloud)', () => {
  let world: SiteWorld;

  beforeAll(async () => {
    world = await startSiteWorld('DEV', 'site-update');
  }, 15 * 60_000);
  afterAll(() => world?.close());

  /** The MANUAL backup as the API records it (IN_PROGRESS, the operation's id), then BACKUP launched. */
  async function manualBackup(site: Site, backupId = newId('bkp')) {
    const operationId = newId('op');
    if (!(await world.backups.get(site.siteId, backupId))) {
      await world.backups.create(pendingBackup(site, backupId, operationId));
    }
    const operation = await world.run(
      site,
      MESSAGES.BACKUP,
      { siteId: site.siteId, backupId },
      { operationId },
    );
    return { operation, backup: await world.backups.get(site.siteId, backupId) };
  }

  function pendingBackup(site: Site, backupId: string, operationId: string | null): Backup {
    return {
      backupId,
      siteId: site.siteId,
      tenantId: site.tenantId,
      status: 'IN_PROGRESS',
      reason: 'MANUAL',
      artifactKey: null,
      sha256: null,
      sizeBytes: null,
      manifest: null,
      operationId,
      createdAt: new Date().toISOString(),
      createdBy: 'user-1',
      completedAt: null,
      expiresAt: null,
    };
  }

  const blogName = async (site: Site) =>
    world.sql(`SELECT option_value FROM wp_${site.wpSiteId}_options WHERE option_name = 'blogname'`);

  it('exports the site into a zip in the artifact store with its sha256, size and manifest, once', async () => {
    const site = await world.activeSite();
    const { operation, backup } = await manualBackup(site);

    expect(operation).toMatchObject({ status: 'COMPLETED', result: { backupId: backup!.backupId } });
    expect(backup).toMatchObject({
      status: 'COMPLETED',
      reason: 'MANUAL',
      artifactKey: `backups/${site.tenantId}/${site.siteId}/${backup!.backupId}.zip`,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      completedAt: expect.any(String),
    });
    const stored = await world.artifacts.head(backup!.artifactKey!);
    expect(stored?.size).toBe(backup!.sizeBytes);
    expect(await world.sha256Of(backup!.artifactKey!)).toBe(backup!.sha256);
    expect(backup!.manifest!.tables).toMatchObject({
      posts: expect.any(Number),
      options: expect.any(Number),
    });
    expect(backup!.manifest!.tables.options).toBeGreaterThan(10);

    // Delivered again (a new operation for the same backup): the completed backup is not exported again.
    const again = await manualBackup(site, backup!.backupId);
    expect(again.operation).toMatchObject({ status: 'COMPLETED', result: { backupId: backup!.backupId } });
    expect(again.backup).toEqual(backup);
    expect((await world.reload(site)).lastError).toBeNull();
  });

  it('restores a backup: the content changed since comes back, and the state before is backed up first', async () => {
    const site = await world.activeSite();
    const before = await blogName(site);
    const { backup } = await manualBackup(site);
    await world.sql(
      `UPDATE wp_${site.wpSiteId}_options SET option_value = 'Changed after the backup' WHERE option_name = 'blogname'`,
    );
    expect((await world.visit(site)).body).toContain('Changed after the backup');

    const restore = await world.run(site, MESSAGES.RESTORE, {
      siteId: site.siteId,
      backupId: backup!.backupId,
    });
    expect(restore).toMatchObject({
      status: 'COMPLETED',
      result: { restoredBackupId: backup!.backupId, preRestoreBackupId: expect.stringMatching(/^bkp-/) },
    });
    expect(await blogName(site)).toBe(before);
    const home = await world.visit(site);
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('Changed after the backup');

    const safety = await world.backups.get(site.siteId, restore.result!.preRestoreBackupId as string);
    expect(safety).toMatchObject({
      status: 'COMPLETED',
      reason: 'PRE_RESTORE',
      operationId: restore.operationId,
    });
    expect(await world.sha256Of(safety!.artifactKey!)).toBe(safety!.sha256);
    // The safety backup holds the state the restore replaced: restoring it brings the change back.
    const undo = await world.run(site, MESSAGES.RESTORE, { siteId: site.siteId, backupId: safety!.backupId });
    expect(undo.status).toBe('COMPLETED');
    expect(await blogName(site)).toBe('Changed after the backup');
  });

  it('refuses to restore an archive that is not the one backed up: the site is left as it was, with lastError', async () => {
    const site = await world.activeSite();
    const { backup } = await manualBackup(site);
    await world.sql(
      `UPDATE wp_${site.wpSiteId}_options SET option_value = 'Kept through the refusal' WHERE option_name = 'blogname'`,
    );
    await world.artifacts.put(backup!.artifactKey!, Buffer.from('not the archive that was backed up'));

    const refused = await world.run(site, MESSAGES.RESTORE, {
      siteId: site.siteId,
      backupId: backup!.backupId,
    });
    expect(refused).toMatchObject({ status: 'FAILED', error: { code: 'WORDPRESS_CHECKSUM_MISMATCH' } });
    expect(await blogName(site)).toBe('Kept through the refusal');
    expect(await world.reload(site)).toMatchObject({
      status: 'ACTIVE',
      lastError: { code: 'WORDPRESS_CHECKSUM_MISMATCH', operationId: refused.operationId },
    });
    // The safety backup taken before the import attempt is kept.
    const safety = await world.backups.get(
      site.siteId,
      automaticBackupId(refused.operationId, 'PRE_RESTORE'),
    );
    expect(safety).toMatchObject({ status: 'COMPLETED', reason: 'PRE_RESTORE' });
  });

  it('keeps the newest 7 completed backups of a STANDARD site: older ones are deleted with their archives', async () => {
    const site = await world.activeSite();
    const old: Backup[] = [];
    for (let day = 1; day <= 7; day++) {
      const seeded = pendingBackup(site, newId('bkp'), null);
      const createdAt = `2020-01-0${day}T00:00:00.000Z`;
      const artifactKey = `backups/${site.tenantId}/${site.siteId}/${seeded.backupId}.zip`;
      const stored = await world.artifacts.put(artifactKey, Buffer.from(`archive ${day}`));
      await world.backups.create({ ...seeded, createdAt });
      old.push(
        await world.backups.complete(
          { ...seeded, createdAt },
          {
            artifactKey,
            sha256: stored.sha256,
            sizeBytes: stored.size,
            manifest: { tables: {}, uploads: 0 },
          },
        ),
      );
    }
    const { operation, backup } = await manualBackup(site);

    expect(operation).toMatchObject({ status: 'COMPLETED', result: { pruned: [old[0].backupId] } });
    expect(await world.backups.get(site.siteId, old[0].backupId)).toBeNull();
    expect(await world.artifacts.head(old[0].artifactKey!)).toBeUndefined();
    for (const kept of old.slice(1)) {
      expect(await world.backups.get(site.siteId, kept.backupId)).toMatchObject({ status: 'COMPLETED' });
      expect(await world.artifacts.head(kept.artifactKey!)).toBeDefined();
    }
    expect(backup).toMatchObject({ status: 'COMPLETED' });
  });

  it('a backup that cannot be taken leaves the site as it was with lastError, and the backup FAILED', async () => {
    const subdomain = uniqueSubdomain();
    const site = buildSite({
      tenantId: world.instance.tenantId,
      instanceId: world.instance.instanceId,
      subdomain,
      siteUrl: `http://${subdomain}.dev.localhost:${new URL(world.albUrl).port}`,
      status: 'ACTIVE',
      wpSiteId: 99_999,
    });
    await world.sites.create(site, 100);
    const { operation, backup } = await manualBackup(site);

    expect(operation).toMatchObject({ status: 'FAILED', error: { code: 'WORDPRESS_SITE_NOT_FOUND' } });
    expect(backup?.artifactKey).toBeNull();
    // The backup is failed after the FAILED operation is committed (the handler's onFailed).
    await eventually(async () => {
      const failed = await world.backups.get(site.siteId, backup!.backupId);
      return failed?.status === 'FAILED' ? failed : undefined;
    }, 10_000);
    expect(await world.reload(site)).toMatchObject({
      status: 'ACTIVE',
      lastError: { code: 'WORDPRESS_SITE_NOT_FOUND', operationId: operation.operationId },
    });
  });
});
