import { MESSAGES } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { seedTemplate } from './site-creation.seed';
import { startSiteWorld, type SiteWorld } from './site-update.fixture';

jest.setTimeout(300_000);

/** SITE_UPDATE, SITE_STATUS_CHANGE and TEMPLATE_APPLICATION on a real instance of the local cloud. */
describe('workers: site settings, status and template changes on a real WordPress instance', () => {
  let world: SiteWorld;

  beforeAll(async () => {
    world = await startSiteWorld('DEV', 'site-update');
  }, 15 * 60_000);
  afterAll(() => world?.close());

  const option = (blogId: number | null, name: string) =>
    world.sql(`SELECT option_value FROM wp_${blogId}_options WHERE option_name = '${name}'`);

  it('pushes the settings to WordPress, then stores the name and configuration on the site', async () => {
    const site = await world.activeSite();
    const done = await world.run(site, MESSAGES.SITE_UPDATE, {
      siteId: site.siteId,
      siteName: 'Renamed shop',
      configuration: { title: 'The New Title', tagline: 'Fresh tagline', timezone: 'Europe/Paris' },
    });

    expect(done).toMatchObject({ status: 'COMPLETED', result: { siteName: 'Renamed shop' } });
    expect(await world.reload(site)).toMatchObject({
      status: 'ACTIVE',
      siteName: 'Renamed shop',
      configuration: { title: 'The New Title', tagline: 'Fresh tagline', timezone: 'Europe/Paris' },
      lastError: null,
    });
    expect(await option(site.wpSiteId, 'blogname')).toBe('The New Title');
    expect(await option(site.wpSiteId, 'blogdescription')).toBe('Fresh tagline');
    expect(await option(site.wpSiteId, 'timezone_string')).toBe('Europe/Paris');
    expect((await world.visit(site)).body).toContain('The New Title');
  });

  it('refuses settings it does not know, changing nothing but lastError', async () => {
    const site = await world.activeSite();
    const title = await option(site.wpSiteId, 'blogname');
    const refused = await world.run(site, MESSAGES.SITE_UPDATE, {
      siteId: site.siteId,
      siteName: 'Never stored',
      configuration: { title: 'Never pushed', colour: 'red' },
    });

    expect(refused).toMatchObject({ status: 'FAILED', error: { code: 'VALIDATION_ERROR' } });
    expect(await world.reload(site)).toMatchObject({
      status: 'ACTIVE',
      siteName: site.siteName,
      configuration: site.configuration,
      lastError: { code: 'VALIDATION_ERROR', operationId: refused.operationId },
    });
    expect(await option(site.wpSiteId, 'blogname')).toBe(title);
  });

  it('suspends the site (its URL answers as suspended) and resumes it', async () => {
    const site = await world.activeSite();
    expect((await world.visit(site)).status).toBe(200);

    const suspended = await world.run(site, MESSAGES.SITE_STATUS_CHANGE, {
      siteId: site.siteId,
      status: 'SUSPENDED',
      reason: 'unpaid invoice',
    });
    expect(suspended).toMatchObject({
      status: 'COMPLETED',
      result: { status: 'SUSPENDED', previousStatus: 'ACTIVE' },
    });
    expect((await world.reload(site)).status).toBe('SUSPENDED');
    const answer = await world.visit(site);
    expect(answer.status).toBe(410);
    expect(answer.body).toContain('archived or suspended');

    const resumed = await world.run(site, MESSAGES.SITE_STATUS_CHANGE, {
      siteId: site.siteId,
      status: 'ACTIVE',
    });
    expect(resumed).toMatchObject({
      status: 'COMPLETED',
      result: { status: 'ACTIVE', previousStatus: 'SUSPENDED' },
    });
    expect((await world.reload(site)).status).toBe('ACTIVE');
    expect((await world.visit(site)).status).toBe(200);
  });

  it('refuses a status change the state machine does not allow, leaving the site as it was', async () => {
    const site = await world.activeSite();
    const failed = await world.sites.change(site, {
      expectedVersion: site.version,
      changes: { status: 'FAILED' },
    });
    const refused = await world.run(site, MESSAGES.SITE_STATUS_CHANGE, {
      siteId: site.siteId,
      status: 'SUSPENDED',
    });

    expect(refused).toMatchObject({ status: 'FAILED', error: { code: 'INVALID_STATUS_TRANSITION' } });
    expect(await world.reload(site)).toMatchObject({ status: 'FAILED', version: failed.version + 1 });
    expect((await world.visit(site)).status).toBe(200);
  });

  it('applies another template: its pages on the site, usage counted once for the new one and released for the old', async () => {
    const first = await seedTemplate(world.templates, world.artifacts);
    const seeded = await seedTemplate(world.templates, world.artifacts);
    const second = { ...seeded, templateId: newId('tpl'), name: `Services ${newId('evt').slice(4, 12)}` };
    await world.templates.create({
      ...second,
      pages: [{ slug: 'services', title: 'Services', content: '<p>Our services fixture.</p>' }],
      options: { blogdescription: 'Applied by the template worker' },
    });
    const site = await world.activeSite({ templateId: first.templateId });
    expect((await world.templates.get(first.templateId))!.usageCount).toBe(1);

    const payload = { siteId: site.siteId, templateId: second.templateId, confirmReplacement: true };
    const applied = await world.run(site, MESSAGES.TEMPLATE_APPLICATION, payload);
    expect(applied).toMatchObject({
      status: 'COMPLETED',
      result: { templateId: second.templateId, previousTemplateId: first.templateId, pages: ['services'] },
    });
    expect(await world.reload(site)).toMatchObject({ templateId: second.templateId, lastError: null });
    expect((await world.templates.get(second.templateId))!.usageCount).toBe(1);
    expect((await world.templates.get(first.templateId))!.usageCount).toBe(0);
    expect((await world.visit(site, '/?pagename=services')).body).toContain('Our services fixture.');
    expect(await option(site.wpSiteId, 'blogdescription')).toBe('Applied by the template worker');

    // Delivered again (a new operation): the template is the site's already, nothing is counted again.
    const again = await world.run(site, MESSAGES.TEMPLATE_APPLICATION, payload);
    expect(again).toMatchObject({ status: 'COMPLETED', result: { previousTemplateId: second.templateId } });
    expect((await world.templates.get(second.templateId))!.usageCount).toBe(1);
    expect((await world.templates.get(first.templateId))!.usageCount).toBe(0);
  });
});
