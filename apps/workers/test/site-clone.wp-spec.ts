import type { Site } from '@bbws/data-access-sites';
import { WordPressClient } from '@bbws/integrations-wordpress-client';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { uniqueSubdomain } from '@bbws/testing-sites';
import { SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import { startSiteCopyFixture, type SiteCopyFixture } from './site-clone.fixture';
import {
  seedSettingsPlugin,
  seedTemplate,
  TEMPLATE_ABOUT_TEXT,
  TEMPLATE_HOME_TEXT,
  visit,
} from './site-creation.seed';

jest.setTimeout(300_000);

/** SITE_CLONE on a real instance of the local cloud: a second site with the source's content, its own URLs. */
describe('workers: site clone on a real WordPress instance (local cloud)', () => {
  let f: SiteCopyFixture;
  let source: Site;
  let templateId: string;
  let pluginId: string;
  const hostOf = (site: Site) => new URL(site.siteUrl).hostname;

  /** The clone's new site as the sites API stores it (PROVISIONING, the source's template), then SITE_CLONE. */
  async function startClone(from: Site): Promise<{ copy: Site; operation: Operation }> {
    const copy = f.siteOn('DEV', { siteName: `Copy of ${from.siteName}`, templateId: from.templateId });
    await f.sites.create(copy, 50);
    const operation = await f.start(MESSAGES.SITE_CLONE, copy.siteId, {
      siteId: copy.siteId,
      sourceSiteId: from.siteId,
      siteName: copy.siteName,
      subdomain: copy.subdomain,
      environment: copy.environment,
    });
    return { copy, operation };
  }

  /** How many of the blog's posts (content: WordPress keeps GUIDs as they are) and options name `host`. */
  const mentions = async (wpSiteId: number, host: string) =>
    (
      await f.query(
        'DEV',
        `SELECT COUNT(*) FROM wp_${wpSiteId}_posts WHERE post_content LIKE '%${host}%' ` +
          `UNION ALL SELECT COUNT(*) FROM wp_${wpSiteId}_options WHERE option_value LIKE '%${host}%'`,
      )
    ).map(Number);
  const counts = async () => ({
    installs: (await f.catalogue.get(pluginId))!.installCount,
    usage: (await f.templates.get(templateId))!.usageCount,
  });

  beforeAll(async () => {
    f = await startSiteCopyFixture('site-creation,webhooks', ['DEV']);
    const template = await seedTemplate(f.templates, f.artifacts);
    const plugin = await seedSettingsPlugin(f.catalogue, f.artifacts);
    templateId = template.templateId;
    pluginId = plugin.pluginId;
    const site = f.siteOn('DEV', { templateId });
    await f.sites.create(site, 50);
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
    source = (await f.sites.get(site.tenantId, site.siteId))!;
    // The home page links to the site's own about page by its absolute URL.
    await f.query(
      'DEV',
      `UPDATE wp_${source.wpSiteId}_posts SET post_content = CONCAT(post_content, ` +
        `'<p><a href="http://${hostOf(source)}/?pagename=about">About</a></p>') WHERE post_name = 'home'`,
    );
  }, 15 * 60_000);
  afterAll(() => f?.close());

  it('copies the source into a second site that serves the same pages under its own URL', async () => {
    const before = await counts();
    const { copy, operation } = await startClone(source);
    const done = await f.finished(operation.operationId);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null });
    const cloned = (await f.sites.get(copy.tenantId, copy.siteId))!;
    expect(cloned).toMatchObject({ status: 'ACTIVE', templateId, lastError: null });
    expect(cloned.wpSiteId).not.toBe(source.wpSiteId);
    expect(done.result).toMatchObject({
      siteId: copy.siteId,
      wpSiteId: cloned.wpSiteId,
      sourceSiteId: source.siteId,
    });

    const home = await eventually(async () => {
      const answer = await visit(f.albUrl, hostOf(copy));
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(home.body).toContain(TEMPLATE_HOME_TEXT);
    expect(home.body).toContain(`href="http://${hostOf(copy)}/?pagename=about"`);
    expect(home.body).not.toContain(hostOf(source));
    expect((await visit(f.albUrl, hostOf(copy), '/?pagename=about')).body).toContain(TEMPLATE_ABOUT_TEXT);
    expect((await visit(f.albUrl, hostOf(source))).body).toContain(TEMPLATE_HOME_TEXT);

    // No source URL left in the clone's pages or options; the source keeps its own.
    expect(await mentions(cloned.wpSiteId!, hostOf(source))).toEqual([0, 0]);
    expect((await mentions(cloned.wpSiteId!, hostOf(copy))).every((n) => n > 0)).toBe(true);
    expect(await mentions(source.wpSiteId!, hostOf(copy))).toEqual([0, 0]);

    // The plugin is active on the clone and recorded on it; the catalogue counts both sites once.
    const active = await f.query(
      'DEV',
      `SELECT option_value FROM wp_${cloned.wpSiteId}_options WHERE option_name = 'active_plugins'`,
    );
    expect(active.join('')).toContain(`${SETTINGS_PLUGIN}.php`);
    expect(await f.installed.get(copy.siteId, pluginId)).toMatchObject({
      pluginFile: SETTINGS_PLUGIN,
      installedVersion: '1.0.0',
      isActive: true,
    });
    expect(await counts()).toEqual({ installs: before.installs + 1, usage: before.usage + 1 });
    expect(await f.blogsAt('DEV', hostOf(copy))).toEqual([String(cloned.wpSiteId)]);
    // The transfer archive is gone once the clone is done.
    expect(await f.artifacts.head(`transfers/${copy.tenantId}/${done.operationId}.zip`)).toBeUndefined();
  });

  it('resumes a clone whose worker stopped after creating the network site: one site, not two', async () => {
    await f.fx.stopApp();
    // One consumer: a stopping app's other consumers would bounce the handed-back message (receive counts).
    await f.fx.startApp({
      WORKER_DRAIN_TIMEOUT_MS: '50',
      WORKER_QUEUES: JSON.stringify({ 'site-creation': { visibilityTimeoutSeconds: 30, concurrency: 1 } }),
    });
    const before = await counts();
    const { copy, operation } = await startClone(source);
    let recorded: number;
    let interrupted: Operation | null;
    try {
      recorded = await eventually(async () => {
        const seen = await f.sites.get(copy.tenantId, copy.siteId);
        return seen?.wpSiteId ?? undefined;
      }, 120_000);
    } finally {
      await f.fx.stopApp();
      interrupted = await f.fx.operations.get(operation.operationId);
      await f.fx.startApp();
    }
    expect(interrupted?.status).toBe('IN_PROGRESS');
    expect(interrupted?.steps.find((step) => step.name === 'activate')?.status).toBe('PENDING');

    const done = await f.finished(operation.operationId);
    expect(done).toMatchObject({ status: 'COMPLETED', error: null, result: { wpSiteId: recorded } });
    expect(done.attempts).toBeGreaterThan(1);
    expect(await f.blogsAt('DEV', hostOf(copy))).toEqual([String(recorded)]);
    expect(await f.sites.get(copy.tenantId, copy.siteId)).toMatchObject({
      status: 'ACTIVE',
      wpSiteId: recorded,
    });
    expect((await visit(f.albUrl, hostOf(copy))).body).toContain(TEMPLATE_HOME_TEXT);
    expect(await counts()).toEqual({ installs: before.installs + 1, usage: before.usage + 1 });
  });

  it('adopts the network site an attempt created but did not record (killed in between): one site, not two', async () => {
    const copy = f.siteOn('DEV', { siteName: 'Adopted copy', templateId });
    await f.sites.create(copy, 50);
    // What a worker killed right after WordPress created the site leaves: a blog nobody recorded.
    const orphan = await new WordPressClient().createSite(await f.connection('DEV'), {
      domain: hostOf(copy),
      title: copy.siteName,
      adminEmail: `admin@${hostOf(copy)}`,
    });
    const done = await f.launch(MESSAGES.SITE_CLONE, copy.siteId, {
      siteId: copy.siteId,
      sourceSiteId: source.siteId,
      siteName: copy.siteName,
      subdomain: copy.subdomain,
      environment: copy.environment,
    });
    expect(done).toMatchObject({ status: 'COMPLETED', error: null, result: { wpSiteId: orphan.blogId } });
    expect(await f.blogsAt('DEV', hostOf(copy))).toEqual([String(orphan.blogId)]);
    expect(await f.sites.get(copy.tenantId, copy.siteId)).toMatchObject({
      status: 'ACTIVE',
      wpSiteId: orphan.blogId,
    });
    expect((await visit(f.albUrl, hostOf(copy))).body).toContain(TEMPLATE_HOME_TEXT);
  });

  it('fails for good when the source is not ACTIVE or missing, leaving the new site FAILED', async () => {
    const suspended = f.siteOn('DEV', { status: 'SUSPENDED', wpSiteId: source.wpSiteId });
    await f.sites.create(suspended, 50);
    for (const [from, code] of [
      [suspended, 'SOURCE_SITE_NOT_ACTIVE'],
      [f.siteOn('DEV', { subdomain: uniqueSubdomain() }), 'SITE_NOT_FOUND'],
    ] as const) {
      const { copy, operation } = await startClone(from);
      const failed = await f.finished(operation.operationId);
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, error: { code, retryable: false } });
      expect(await f.sites.get(copy.tenantId, copy.siteId)).toMatchObject({
        status: 'FAILED',
        wpSiteId: null,
        lastError: { code, operationId: operation.operationId },
      });
      expect(await f.blogsAt('DEV', hostOf(copy))).toEqual([]);
    }
  });
});
