import type { Site } from '@bbws/data-access-sites';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { SETTINGS_PLUGIN } from '@bbws/testing-wordpress-fixtures';
import { startSiteCopyFixture, type SiteCopyFixture } from './site-clone.fixture';
import { seedSettingsPlugin, seedTemplate, TEMPLATE_HOME_TEXT, visit } from './site-creation.seed';

jest.setTimeout(300_000);

/** `/retry` of a clone that failed after copying the template: the same message again, on the same site. */
describe('workers: a failed site clone retried on a real WordPress instance (local cloud)', () => {
  let f: SiteCopyFixture;
  let source: Site;
  let templateId: string;
  let pluginId: string;
  const hostOf = (site: Site) => new URL(site.siteUrl).hostname;
  const counts = async () => ({
    installs: (await f.catalogue.get(pluginId))!.installCount,
    usage: (await f.templates.get(templateId))!.usageCount,
  });

  beforeAll(async () => {
    f = await startSiteCopyFixture('site-creation', ['DEV']);
    templateId = (await seedTemplate(f.templates, f.artifacts)).templateId;
    pluginId = (await seedSettingsPlugin(f.catalogue, f.artifacts)).pluginId;
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
  }, 15 * 60_000);
  afterAll(() => f?.close());

  it('completes on the same blog without counting the template usage or the plugin install again', async () => {
    const before = await counts();
    const copy = f.siteOn('DEV', { siteName: 'Copy', templateId });
    await f.sites.create(copy, 50);
    const first = await f.launch(MESSAGES.SITE_CLONE, copy.siteId, {
      siteId: copy.siteId,
      sourceSiteId: source.siteId,
      siteName: copy.siteName,
      subdomain: copy.subdomain,
      environment: copy.environment,
    });
    expect(first.steps.find((step) => step.name === 'copy-template')).toMatchObject({
      status: 'COMPLETED',
      output: { counted: true },
    });
    expect(await counts()).toEqual({ installs: before.installs + 1, usage: before.usage + 1 });
    // The copy as a clone failing after its template step leaves it: FAILED, naming that operation.
    const landed = (await f.sites.get(copy.tenantId, copy.siteId))!;
    const failedCopy = await f.sites.change(landed, {
      expectedVersion: landed.version,
      expectedStatuses: ['ACTIVE'],
      changes: {
        status: 'FAILED',
        lastError: {
          code: 'X',
          message: 'failed after copy-template',
          at: landed.updatedAt,
          operationId: first.operationId,
        },
      },
    });

    const retried: Operation = await f.launch(
      MESSAGES.SITE_CLONE,
      copy.siteId,
      first.dispatch!.message.payload as never,
      f.sites.changeWrites(failedCopy, {
        expectedVersion: failedCopy.version,
        expectedStatuses: ['FAILED'],
        changes: { status: 'PROVISIONING' },
      }),
    );

    expect(retried).toMatchObject({
      status: 'COMPLETED',
      error: null,
      result: { wpSiteId: landed.wpSiteId },
    });
    expect(retried.steps.find((step) => step.name === 'copy-template')?.output).toEqual({
      templateId,
      counted: false,
    });
    expect(await counts()).toEqual({ installs: before.installs + 1, usage: before.usage + 1 });
    expect(await f.blogsAt('DEV', hostOf(copy))).toEqual([String(landed.wpSiteId)]);
    expect(await f.sites.get(copy.tenantId, copy.siteId)).toMatchObject({
      status: 'ACTIVE',
      lastError: null,
      wpSiteId: landed.wpSiteId,
    });
    expect(await f.installed.get(copy.siteId, pluginId)).toMatchObject({ pluginFile: SETTINGS_PLUGIN });
    expect((await visit(f.albUrl, hostOf(copy))).body).toContain(TEMPLATE_HOME_TEXT);
  });
});
