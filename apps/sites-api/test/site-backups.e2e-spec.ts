import type { Backup, Site } from '@bbws/data-access-sites';
import { buildBackup } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('site backups: /v1.0/tenants/:tenantId/sites/:siteId/backups', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function site(overrides: Partial<Site> = {}) {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const stored = await fx.storedSite(tenantId, instance, overrides);
    const url = `${collection}/${stored.siteId}`;
    return { tenantId, site: stored, url, backups: `${url}/backups` };
  }

  /** A backup stored directly, a second older per `ageSeconds`; COMPLETED ones with an archive in the store. */
  async function storedBackup(
    target: Site,
    overrides: Partial<Backup> = {},
    ageSeconds = 0,
  ): Promise<Backup> {
    const backup = buildBackup({
      siteId: target.siteId,
      tenantId: target.tenantId,
      createdAt: new Date(Date.now() - ageSeconds * 1000).toISOString(),
      ...overrides,
    });
    if (backup.status === 'COMPLETED') {
      const key = `backups/${target.tenantId}/${target.siteId}/${backup.backupId}.tar.gz`;
      const stored = await fx.store.put(key, Buffer.from(`archive of ${backup.backupId}`));
      Object.assign(backup, {
        artifactKey: key,
        sha256: stored.sha256,
        sizeBytes: stored.size,
        manifest: { tables: { wp_2_posts: 3 }, uploads: 1 },
        completedAt: backup.createdAt,
      });
    }
    await fx.backups.create(backup);
    return backup;
  }

  it('POST answers 202 BACKUP with the backup recorded IN_PROGRESS in the launch transaction', async () => {
    const { tenantId, site: target, backups } = await site();
    const admin = await fx.member(tenantId, 'ADMIN');
    const response = await fx.call('POST', backups, admin.token, { reason: 'Before the sale' });
    expect(response.status).toBe(202);
    const { operationId } = response.body;
    expect(response.body).toMatchObject({ type: 'BACKUP', resourceId: target.siteId });
    const backupHref: string = response.body._links.backup.href;
    expect(backupHref).toMatch(new RegExp(`^${backups}/bkp-[0-9a-f-]{36}$`));
    const backupId = backupHref.split('/').pop() ?? '';
    expect(await fx.backups.get(target.siteId, backupId)).toMatchObject({
      backupId,
      tenantId,
      status: 'IN_PROGRESS',
      reason: 'MANUAL',
      operationId,
      createdBy: admin.userId,
      artifactKey: null,
    });
    expect(await fx.messagesFor('site-update', operationId)).toEqual([
      expect.objectContaining({
        messageType: 'BACKUP',
        payload: { siteId: target.siteId, backupId, reason: 'Before the sale' },
      }),
    ]);
    const item = await fx.call('GET', backupHref, admin.token);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ backupId, status: 'IN_PROGRESS', operationId, sizeBytes: null });
    expect(item.body._links).toEqual({
      self: { href: backupHref },
      site: { href: backups.replace(/\/backups$/, '') },
    });
    expect(
      (await fx.call('GET', backups.replace(/\/backups$/, ''), admin.token)).body._links.operation,
    ).toEqual({
      href: `/v1.0/operations/${operationId}`,
    });
  });

  it('POST is for ADMINs on ACTIVE or SUSPENDED sites, validates input, replays an Idempotency-Key', async () => {
    const { tenantId, site: target, backups } = await site({ status: 'SUSPENDED' });
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('POST', backups, operator.token, {})).status).toBe(403);
    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('POST', backups, outsider.token, {})).status).toBe(404);
    for (const body of [{ reason: '' }, { reason: 'x'.repeat(201) }, { reason: 'a', keep: true }])
      expect([body, (await fx.call('POST', backups, fx.admin.token, body)).status]).toEqual([body, 400]);
    const failed = await site({ status: 'FAILED' });
    const refused = await fx.call('POST', failed.backups, fx.admin.token, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_SITE_STATE', details: { action: 'BACKUP' } });
    expect((await fx.backups.listBySite(target.siteId, { pageSize: 10 })).items).toEqual([]);

    const headers = { 'idempotency-key': `backup-${Date.now()}` };
    const first = await fx.call('POST', backups, fx.admin.token, {}, headers);
    const again = await fx.call('POST', backups, fx.admin.token, {}, headers);
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const busy = await fx.call('POST', backups, fx.admin.token, {});
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationId: first.body.operationId },
    });
    expect((await fx.backups.listBySite(target.siteId, { pageSize: 10 })).items).toHaveLength(1);
  });

  it('lists backups newest first in pages; links by role and status', async () => {
    const { tenantId, site: target, backups } = await site();
    const oldest = await storedBackup(target, { status: 'COMPLETED' }, 30);
    const failed = await storedBackup(
      target,
      { status: 'FAILED', completedAt: new Date().toISOString() },
      20,
    );
    const newest = await storedBackup(target, { status: 'COMPLETED', expiresAt: 2_000_000_000 }, 10);
    const viewer = await fx.member(tenantId, 'VIEWER');
    const seen: string[] = [];
    let next: string | undefined = `${backups}?pageSize=2`;
    while (next) {
      const page: any = await fx.call('GET', next, viewer.token);
      expect(page.status).toBe(200);
      expect(page.body._links).not.toHaveProperty('create');
      for (const item of page.body.items) expect(Object.keys(item._links).sort()).toEqual(['self', 'site']);
      seen.push(...page.body.items.map((item: any) => item.backupId));
      next = page.body._links.next?.href;
    }
    expect(seen).toEqual([newest.backupId, failed.backupId, oldest.backupId]);

    const asAdmin = await fx.call('GET', backups);
    expect(asAdmin.body._links.create).toEqual({ href: backups, method: 'POST' });
    const [first, second] = asAdmin.body.items;
    expect(first).toMatchObject({
      backupId: newest.backupId,
      status: 'COMPLETED',
      sizeBytes: newest.sizeBytes,
      sha256: newest.sha256,
      manifest: { tables: { wp_2_posts: 3 }, uploads: 1 },
      expiresAt: new Date(2_000_000_000 * 1000).toISOString(),
    });
    expect(first).not.toHaveProperty('artifactKey');
    expect(first._links).toEqual({
      self: { href: `${backups}/${newest.backupId}` },
      site: { href: backups.replace(/\/backups$/, '') },
      restore: { href: `${backups}/${newest.backupId}/restore`, method: 'POST' },
      delete: { href: `${backups}/${newest.backupId}`, method: 'DELETE' },
    });
    expect(Object.keys(second._links).sort()).toEqual(['delete', 'self', 'site']);

    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('GET', backups, outsider.token)).status).toBe(404);
    expect((await fx.call('GET', `${backups}/${newest.backupId}`, outsider.token)).status).toBe(404);
    expect((await fx.call('GET', `${backups}?pageSize=0`)).status).toBe(400);
    expect((await fx.call('GET', `${backups}/bkp-1`)).status).toBe(400);
    const other = await site();
    const foreign = await fx.call('GET', `${other.backups}/${newest.backupId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('BACKUP_NOT_FOUND');
  });

  it('DELETE removes the archive, then the record; 409 while IN_PROGRESS or a restore runs; ADMIN only', async () => {
    const { tenantId, site: target, backups } = await site();
    const done = await storedBackup(target, { status: 'COMPLETED' });
    const running = await storedBackup(target, { status: 'IN_PROGRESS' });
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('DELETE', `${backups}/${done.backupId}`, operator.token)).status).toBe(403);
    const inProgress = await fx.call('DELETE', `${backups}/${running.backupId}`);
    expect(inProgress.status).toBe(409);
    expect(inProgress.body.error.code).toBe('BACKUP_IN_PROGRESS');
    expect(await fx.backups.get(target.siteId, running.backupId)).toEqual(running);

    const restore = await fx.call('POST', `${backups}/${done.backupId}/restore`);
    expect(restore.status).toBe(202);
    const busy = await fx.call('DELETE', `${backups}/${done.backupId}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationType: 'RESTORE' },
    });
    expect(await fx.store.head(done.artifactKey ?? '')).toBeDefined();

    const unrelated = await site();
    const free = await storedBackup(unrelated.site, { status: 'COMPLETED' });
    const removed = await fx.call('DELETE', `${unrelated.backups}/${free.backupId}`);
    expect(removed.status).toBe(204);
    expect(await fx.store.head(free.artifactKey ?? '')).toBeUndefined();
    expect(await fx.backups.get(unrelated.site.siteId, free.backupId)).toBeNull();
    expect((await fx.call('GET', `${unrelated.backups}/${free.backupId}`)).status).toBe(404);
    expect((await fx.call('DELETE', `${unrelated.backups}/${free.backupId}`)).status).toBe(404);
  });

  it('restores a COMPLETED backup of this site (and through the alias); refuses the others', async () => {
    const { tenantId, site: target, url, backups } = await site({ status: 'SUSPENDED' });
    const done = await storedBackup(target, { status: 'COMPLETED' });
    const failed = await storedBackup(target, { status: 'FAILED' });
    const admin = await fx.member(tenantId, 'ADMIN');
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('POST', `${backups}/${done.backupId}/restore`, operator.token)).status).toBe(403);
    const notRestorable = await fx.call('POST', `${backups}/${failed.backupId}/restore`, admin.token);
    expect(notRestorable.status).toBe(422);
    expect(notRestorable.body.error).toMatchObject({
      code: 'BACKUP_NOT_RESTORABLE',
      details: { backupId: failed.backupId, backupStatus: 'FAILED' },
    });
    const other = await site();
    const foreign = await storedBackup(other.site, { status: 'COMPLETED' });
    const notOurs = await fx.call('POST', `${backups}/${foreign.backupId}/restore`, admin.token);
    expect(notOurs.status).toBe(404);
    expect(notOurs.body.error.code).toBe('BACKUP_NOT_FOUND');
    expect((await fx.call('POST', `${url}/restore`, admin.token, { backupId: 'bkp-1' })).status).toBe(400);
    const stale = await fx.call(
      'POST',
      `${url}/restore`,
      admin.token,
      { backupId: done.backupId },
      { 'if-match': '"8"' },
    );
    expect(stale.status).toBe(412);

    const headers = { 'idempotency-key': `restore-${Date.now()}` };
    const alias = await fx.call('POST', `${url}/restore`, admin.token, { backupId: done.backupId }, headers);
    expect(alias.status).toBe(202);
    expect(alias.body).toMatchObject({ type: 'RESTORE', resourceId: target.siteId });
    expect(
      (await fx.call('POST', `${url}/restore`, admin.token, { backupId: done.backupId }, headers)).body,
    ).toEqual(alias.body);
    expect(await fx.messagesFor('site-update', alias.body.operationId)).toEqual([
      expect.objectContaining({
        messageType: 'RESTORE',
        payload: { siteId: target.siteId, backupId: done.backupId },
      }),
    ]);

    const provisioning = await site({ status: 'PROVISIONING' });
    const early = await storedBackup(provisioning.site, { status: 'COMPLETED' });
    const wrongState = await fx.call('POST', `${provisioning.backups}/${early.backupId}/restore`);
    expect(wrongState.status).toBe(422);
    expect(wrongState.body.error).toMatchObject({
      code: 'INVALID_SITE_STATE',
      details: { action: 'RESTORE' },
    });
  });
});
