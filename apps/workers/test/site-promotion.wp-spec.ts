import type { Site } from '@bbws/data-access-sites';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import { startSiteCopyFixture, type SiteCopyFixture } from './site-clone.fixture';
import { seedSettingsPlugin, seedTemplate, TEMPLATE_HOME_TEXT, visit } from './site-creation.seed';

jest.setTimeout(300_000);

/** SITE_PROMOTION DEV→SIT between two real instances of the local cloud. */
describe('workers: site promotion on real WordPress instances (local cloud)', () => {
  let f: SiteCopyFixture;
  let source: Site;
  let target: Site;
  let templateId: string;
  let pluginId: string;
  let firstBackupId: string;
  const hostOf = (site: Pick<Site, 'siteUrl'>) => new URL(site.siteUrl).hostname;

  /** Launches SITE_PROMOTION as the sites API does: on the source, naming the target (created with the launch). */
  function promote(
    selection = { includeDatabase: true, includeFiles: true },
    create = false,
    lineage = { from: source, to: target },
  ): Promise<Operation> {
    const { from, to } = lineage;
    return f.launch(
      MESSAGES.SITE_PROMOTION,
      from.siteId,
      { siteId: from.siteId, targetEnvironment: 'SIT', ...selection, targetSiteId: to.siteId },
      create ? f.sites.createPromotionTargetWrites(to, 5) : undefined,
    );
  }

  /** Appends a paragraph to the source's home page. */
  const editSourceHome = (text: string) =>
    f.query(
      'DEV',
      `UPDATE wp_${source.wpSiteId}_posts SET post_content = CONCAT(post_content, '<p>${text}</p>') ` +
        `WHERE post_name = 'home'`,
    );

  /** How many of the SIT blog's posts (content) and options name `host`. */
  const mentions = async (wpSiteId: number, host: string) =>
    (
      await f.query(
        'SIT',
        `SELECT COUNT(*) FROM wp_${wpSiteId}_posts WHERE post_content LIKE '%${host}%' ` +
          `UNION ALL SELECT COUNT(*) FROM wp_${wpSiteId}_options WHERE option_value LIKE '%${host}%'`,
      )
    ).map(Number);
  const counts = async () => ({
    installs: (await f.catalogue.get(pluginId))!.installCount,
    usage: (await f.templates.get(templateId))!.usageCount,
  });
  const sitHome = async () =>
    eventually(async () => {
      const answer = await visit(f.albUrl, hostOf(target));
      return answer.status === 200 ? answer.body : undefined;
    }, 30_000);

  /** An ACTIVE DEV site with the template and the plugin, created by the creation worker. */
  async function createDevSite(): Promise<Site> {
    const site = f.siteOn('DEV', { templateId });
    await f.sites.create(site, 5);
    const created = await f.launch(MESSAGES.SITE_CREATION, site.siteId, {
      siteId: site.siteId,
      siteName: site.siteName,
      subdomain: site.subdomain,
      environment: site.environment,
      instanceId: site.instanceId,
      adminEmail: 'owner@example.com',
      templateId,
      plugins: [pluginId],
    });
    expect(created).toMatchObject({ status: 'COMPLETED' });
    return (await f.sites.get(site.tenantId, site.siteId))!;
  }

  /** The SIT site a first promotion of `from` creates, as the sites API builds it. */
  const sitTargetOf = (from: Site) =>
    f.siteOn('SIT', {
      subdomain: from.subdomain,
      siteName: from.siteName,
      templateId,
      promotedFromSiteId: from.siteId,
    });

  /** A table named like the importer's own staging tables: the SIT agent refuses an archive holding it. */
  const leftoverOf = (site: Site) => `wp_${site.wpSiteId}_bbws_import_leftover`;

  beforeAll(async () => {
    f = await startSiteCopyFixture('site-creation,site-update,webhooks', ['DEV', 'SIT']);
    templateId = (await seedTemplate(f.templates, f.artifacts)).templateId;
    pluginId = (await seedSettingsPlugin(f.catalogue, f.artifacts)).pluginId;
    source = await createDevSite();
    await f.query(
      'DEV',
      `UPDATE wp_${source.wpSiteId}_posts SET post_content = CONCAT(post_content, ` +
        `'<p><a href="http://${hostOf(source)}/?pagename=about">About</a></p>') WHERE post_name = 'home'`,
    );
    target = sitTargetOf(source);
  }, 15 * 60_000);
  afterAll(() => f?.close());

  it('creates the SIT site on the first promotion, serving the DEV content with SIT URLs only', async () => {
    const before = await counts();
    const done = await promote(undefined, true);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null });
    const promoted = (await f.sites.get(target.tenantId, target.siteId))!;
    expect(promoted).toMatchObject({
      status: 'ACTIVE',
      environment: 'SIT',
      subdomain: source.subdomain,
      promotedFromSiteId: source.siteId,
      templateId,
      lastError: null,
    });
    expect(done.result).toEqual({
      targetSiteId: target.siteId,
      targetUrl: target.siteUrl,
      backupId: expect.any(String),
    });
    firstBackupId = String(done.result!.backupId);
    expect(await f.backups.get(target.siteId, firstBackupId)).toMatchObject({
      reason: 'PRE_PROMOTION',
      status: 'COMPLETED',
      operationId: done.operationId,
    });

    const home = await sitHome();
    expect(home).toContain(TEMPLATE_HOME_TEXT);
    expect(home).toContain(`href="http://${hostOf(target)}/?pagename=about"`);
    expect(home).not.toContain(hostOf(source));
    expect(await mentions(promoted.wpSiteId!, hostOf(source))).toEqual([0, 0]);
    expect((await mentions(promoted.wpSiteId!, hostOf(target))).every((n) => n > 0)).toBe(true);

    // The plugin's package reached the SIT network; it is active and recorded on the SIT site.
    const active = await f.query(
      'SIT',
      `SELECT option_value FROM wp_${promoted.wpSiteId}_options WHERE option_name = 'active_plugins'`,
    );
    expect(active.join('')).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await f.installed.get(target.siteId, pluginId)).toMatchObject({
      installedVersion: '1.0.0',
      isActive: true,
    });
    expect(await counts()).toEqual({ installs: before.installs + 1, usage: before.usage + 1 });
    expect(await f.blogsAt('SIT', hostOf(target))).toEqual([String(promoted.wpSiteId)]);
    expect(await f.artifacts.head(`transfers/${target.tenantId}/${done.operationId}.zip`)).toBeUndefined();
  });

  it('overwrites the SIT site on the next promotion, after backing it up again', async () => {
    const before = await counts();
    const wpSiteId = (await f.sites.get(target.tenantId, target.siteId))!.wpSiteId;
    await editSourceHome('Second edition.');
    const done = await promote();
    expect(done).toMatchObject({ status: 'COMPLETED', error: null });
    expect(done.result?.backupId).not.toBe(firstBackupId);
    expect(await f.backups.get(target.siteId, String(done.result!.backupId))).toMatchObject({
      reason: 'PRE_PROMOTION',
      status: 'COMPLETED',
    });
    expect(await sitHome()).toContain('Second edition.');
    expect(await f.sites.get(target.tenantId, target.siteId)).toMatchObject({ status: 'ACTIVE', wpSiteId });
    expect(await f.blogsAt('SIT', hostOf(target))).toEqual([String(wpSiteId)]);
    expect(await counts()).toEqual(before);
  });

  it("moves the template usage to the source's new template when it changed since the last promotion", async () => {
    const next = await seedTemplate(f.templates, f.artifacts);
    const current = (await f.sites.get(source.tenantId, source.siteId))!;
    await f.sites.change(current, {
      expectedVersion: current.version,
      changes: { templateId: next.templateId },
    });
    const before = await counts();
    try {
      expect(await promote()).toMatchObject({ status: 'COMPLETED', error: null });
      expect(await f.sites.get(target.tenantId, target.siteId)).toMatchObject({
        templateId: next.templateId,
      });
      expect((await f.templates.get(next.templateId))!.usageCount).toBe(1);
      expect(await counts()).toEqual({ installs: before.installs, usage: before.usage - 1 });
    } finally {
      const changed = (await f.sites.get(source.tenantId, source.siteId))!;
      await f.sites.change(changed, { expectedVersion: changed.version, changes: { templateId } });
    }
  });

  it('leaves the SIT pages as they are when the database is not promoted', async () => {
    await editSourceHome('Third edition.');
    const done = await promote({ includeDatabase: false, includeFiles: true });
    expect(done).toMatchObject({ status: 'COMPLETED', error: null });
    expect(done.steps.find((step) => step.name === 'import-content')?.output).toMatchObject({
      tables: 0,
      rows: 0,
    });
    const home = await sitHome();
    expect(home).toContain('Second edition.');
    expect(home).not.toContain('Third edition.');
  });

  it('restores the SIT site from its pre-promotion backup when the import fails, and says so', async () => {
    const leftover = leftoverOf(source);
    await f.query('DEV', `CREATE TABLE ${leftover} (id INT PRIMARY KEY)`);
    try {
      const failed = await promote();
      expect(failed).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        error: { code: 'PROMOTION_ROLLED_BACK', retryable: false },
      });
      const backupId = failed.steps.find((step) => step.name === 'backup-target')?.output?.backupId;
      expect(failed.error?.message).toContain(`restored from its pre-promotion backup ${String(backupId)}`);
      expect(await f.backups.get(target.siteId, String(backupId))).toMatchObject({ status: 'COMPLETED' });
      expect(
        await f.artifacts.head(`transfers/${target.tenantId}/${failed.operationId}.zip`),
      ).toBeUndefined();
      const home = await sitHome();
      expect(home).toContain('Second edition.');
      expect(home).not.toContain('Third edition.');
      expect(await f.sites.get(target.tenantId, target.siteId)).toMatchObject({
        status: 'ACTIVE',
        lastError: null,
      });
    } finally {
      await f.query('DEV', `DROP TABLE ${leftover}`);
    }
  });

  it('leaves a SIT site its first promotion was creating FAILED when the import fails', async () => {
    const other = await createDevSite();
    const fresh = sitTargetOf(other);
    await f.query('DEV', `CREATE TABLE ${leftoverOf(other)} (id INT PRIMARY KEY)`);
    const failed = await promote(undefined, true, { from: other, to: fresh });
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'PROMOTION_ROLLED_BACK' } });
    expect(await f.sites.get(fresh.tenantId, fresh.siteId)).toMatchObject({
      status: 'FAILED',
      lastError: { code: 'PROMOTION_ROLLED_BACK', operationId: failed.operationId },
    });
    expect(await f.sites.get(other.tenantId, other.siteId)).toMatchObject({ status: 'ACTIVE' });
  });
});
