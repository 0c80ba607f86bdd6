import { randomUUID } from 'node:crypto';
import { TemplatesFixture, templateBody } from './templates-api.fixture';

describe('administering templates: create, update, publish/archive, clone, delete', () => {
  let fx: TemplatesFixture;
  beforeAll(async () => {
    fx = await TemplatesFixture.start();
  });
  afterAll(() => fx?.close());

  const adminUrl = (templateId: string) => `/v1.0/admin/templates/${templateId}`;

  describe('POST /v1.0/admin/templates', () => {
    it('creates a DRAFT with defaults, catalogue plugins and admin links', async () => {
      const plugin = await fx.catalogPlugin();
      const response = await fx.call('POST', '/v1.0/admin/templates', fx.admin.token, {
        ...templateBody({ name: 'Studio', category: 'portfolio' }),
        plugins: [plugin.pluginId],
        demoUrl: 'https://demo.example.com/studio',
      });
      expect(response.status).toBe(201);
      const { templateId } = response.body;
      expect(response.body).toMatchObject({
        name: 'Studio',
        category: 'PORTFOLIO',
        status: 'DRAFT',
        templateVersion: '1.0.0',
        minWordPressVersion: '6.1',
        theme: { slug: 'twentytwentythree', packageArtifact: null },
        plugins: [plugin.pluginId],
        screenshots: [],
        usageCount: 0,
        clonedFromTemplateId: null,
        publishedAt: null,
        createdBy: fx.admin.userId,
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      expect(response.body._links).toEqual({
        self: { href: `/v1.0/templates/${templateId}` },
        collection: { href: '/v1.0/templates' },
        update: { href: adminUrl(templateId), method: 'PATCH' },
        publish: { href: `${adminUrl(templateId)}/publish`, method: 'POST' },
        archive: { href: `${adminUrl(templateId)}/archive`, method: 'POST' },
        clone: { href: `${adminUrl(templateId)}/clone`, method: 'POST' },
        delete: { href: adminUrl(templateId), method: 'DELETE' },
      });
      expect(await fx.templates.get(templateId)).toMatchObject({ name: 'Studio', status: 'DRAFT' });
    });

    it('refuses options outside the allow-list or of the wrong type with field errors, storing nothing', async () => {
      const name = `Refused ${randomUUID()}`;
      const response = await fx.call(
        'POST',
        '/v1.0/admin/templates',
        fx.admin.token,
        templateBody({
          name,
          options: { siteurl: 'http://evil.example', posts_per_page: 'ten', page_on_front: 'about' },
        }),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields.map((field: any) => field.field).sort()).toEqual([
        'options.page_on_front',
        'options.posts_per_page',
        'options.siteurl',
      ]);
      const list = await fx.call('GET', `/v1.0/admin/templates?search=${encodeURIComponent(name)}`);
      expect(list.body.items).toEqual([]);
    });

    it.each([
      ['a bad theme slug', { theme: { slug: 'Bad Slug' } }, 'theme.slug'],
      ['a non-semver version', { templateVersion: '1.0' }, 'templateVersion'],
      ['a WordPress version that is none', { minWordPressVersion: 'latest' }, 'minWordPressVersion'],
      ['a non-http demo URL', { demoUrl: 'ftp://demo.example.com' }, 'demoUrl'],
      [
        'a repeated page slug',
        {
          pages: [
            { title: 'A', slug: 'home', content: '' },
            { title: 'B', slug: 'home', content: '' },
          ],
          options: {},
        },
        'pages',
      ],
      [
        'a page slug with capitals',
        { pages: [{ title: 'A', slug: 'Home', content: '' }], options: {} },
        'pages.0.slug',
      ],
      [
        'more than 50 pages',
        {
          pages: Array.from({ length: 51 }, (_, i) => ({ title: 'P', slug: `p${i}`, content: '' })),
          options: {},
        },
        'pages',
      ],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a missing name', { name: undefined }, 'name'],
    ])('refuses %s with 400 on that field', async (_case, overrides, field) => {
      const response = await fx.call(
        'POST',
        '/v1.0/admin/templates',
        fx.admin.token,
        templateBody(overrides),
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields.map((error: any) => error.field)).toContain(field);
    });

    it('refuses plugins missing from the catalogue with 422 UNKNOWN_PLUGINS naming them', async () => {
      const known = await fx.catalogPlugin();
      const missing = 'plg-00000000-0000-4000-8000-000000000001';
      const response = await fx.call(
        'POST',
        '/v1.0/admin/templates',
        fx.admin.token,
        templateBody({ plugins: [known.pluginId, missing] }),
      );
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'UNKNOWN_PLUGINS',
        details: { pluginIds: [missing] },
      });
    });

    it('replays the first answer for the same Idempotency-Key instead of creating twice', async () => {
      const key = randomUUID();
      const body = templateBody();
      const headers = { 'idempotency-key': key };
      const first = await fx.call('POST', '/v1.0/admin/templates', fx.admin.token, body, headers);
      const second = await fx.call('POST', '/v1.0/admin/templates', fx.admin.token, body, headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.templateId).toBe(first.body.templateId);
      const list = await fx.call('GET', `/v1.0/admin/templates?search=${encodeURIComponent(body.name)}`);
      expect(list.body.items).toHaveLength(1);
      const reused = await fx.call('POST', '/v1.0/admin/templates', fx.admin.token, templateBody(), headers);
      expect(reused.status).toBe(422);
    });
  });

  describe('PATCH / PUT /v1.0/admin/templates/:id', () => {
    it('changes a draft at the If-Match version and answers 412 for a stale one', async () => {
      const draft = await fx.create();
      const url = adminUrl(draft.templateId);
      const patched = await fx.call(
        'PATCH',
        url,
        fx.admin.token,
        { name: 'Renamed', category: 'landing' },
        { 'if-match': '"1"' },
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Renamed', category: 'LANDING', version: 2 });
      expect(patched.headers.etag).toBe('"2"');
      const stale = await fx.call('PUT', url, fx.admin.token, { name: 'Stale' }, { 'if-match': '"1"' });
      expect(stale.status).toBe(412);
      expect(stale.body.error).toMatchObject({
        code: 'PRECONDITION_FAILED',
        details: { expectedVersion: 1, currentVersion: 2 },
      });
      expect((await fx.templates.get(draft.templateId))?.name).toBe('Renamed');
      // The options are checked against the pages the template ends up with.
      const orphaned = await fx.call('PUT', url, fx.admin.token, { pages: [] }, { 'if-match': '"2"' });
      expect(orphaned.status).toBe(400);
      expect(orphaned.body.error.details.fields[0].field).toBe('options.page_on_front');
      const put = await fx.call(
        'PUT',
        url,
        fx.admin.token,
        { demoUrl: null, pages: [], options: {} },
        { 'if-match': '"2"' },
      );
      expect(put.body).toMatchObject({ demoUrl: null, pages: [], options: {}, version: 3 });
    });

    it('requires a higher templateVersion to change the content of a PUBLISHED template', async () => {
      const template = await fx.published({ templateVersion: '1.2.0' });
      const url = adminUrl(template.templateId);
      const pages = [{ title: 'Home', slug: 'home', content: '<p>New</p>' }];
      const same = await fx.call('PATCH', url, fx.admin.token, { pages });
      expect(same.status).toBe(422);
      expect(same.body.error).toMatchObject({
        code: 'TEMPLATE_VERSION_NOT_INCREASED',
        details: { currentTemplateVersion: '1.2.0' },
      });
      const lower = await fx.call('PATCH', url, fx.admin.token, { pages, templateVersion: '1.1.9' });
      expect(lower.status).toBe(422);
      expect((await fx.templates.get(template.templateId))?.pages[0].content).not.toBe('<p>New</p>');
      // Presentation is not content: no new version needed.
      const renamed = await fx.call('PATCH', url, fx.admin.token, {
        name: 'Shown as',
        description: 'Better words',
      });
      expect(renamed.status).toBe(200);
      const bumped = await fx.call('PATCH', url, fx.admin.token, { pages, templateVersion: '1.10.0' });
      expect(bumped.status).toBe(200);
      expect(bumped.body).toMatchObject({ status: 'PUBLISHED', templateVersion: '1.10.0', pages });
    });

    it('keeps ARCHIVED templates read-only (422 TEMPLATE_ARCHIVED)', async () => {
      const template = await fx.published();
      await fx.call('POST', `${adminUrl(template.templateId)}/archive`);
      const response = await fx.call('PATCH', adminUrl(template.templateId), fx.admin.token, { name: 'No' });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('TEMPLATE_ARCHIVED');
    });

    it('answers 404 for an unknown template', async () => {
      const response = await fx.call(
        'PATCH',
        adminUrl('tpl-00000000-0000-4000-8000-000000000002'),
        fx.admin.token,
        { name: 'x' },
      );
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('TEMPLATE_NOT_FOUND');
    });
  });

  describe('publish and archive', () => {
    it('walks the state machine and refuses other transitions with 422 INVALID_STATUS_TRANSITION', async () => {
      const draft = await fx.create();
      const action = (name: string, headers?: Record<string, string>) =>
        fx.call('POST', `${adminUrl(draft.templateId)}/${name}`, fx.admin.token, undefined, headers);
      const published = await action('publish', { 'if-match': '"1"' });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'PUBLISHED', version: 2 });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      expect(published.body._links).not.toHaveProperty('publish');
      const again = await action('publish');
      expect(again.status).toBe(422);
      expect(again.body.error).toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
        details: {
          currentStatus: 'PUBLISHED',
          requestedStatus: 'PUBLISHED',
          allowedTransitions: ['ARCHIVED'],
        },
      });
      expect((await action('archive', { 'if-match': '"1"' })).status).toBe(412);
      const archived = await action('archive');
      expect(archived.body).toMatchObject({ status: 'ARCHIVED' });
      expect(archived.body._links).not.toHaveProperty('update');
      expect((await action('archive')).status).toBe(422);
      expect((await action('publish')).body.status).toBe('PUBLISHED');
    });

    it('archives a draft, and refuses to publish a template without pages (422 TEMPLATE_INCOMPLETE)', async () => {
      const empty = await fx.create({ pages: [], options: {} });
      const refused = await fx.call('POST', `${adminUrl(empty.templateId)}/publish`);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('TEMPLATE_INCOMPLETE');
      const archived = await fx.call('POST', `${adminUrl(empty.templateId)}/archive`);
      expect(archived.body.status).toBe('ARCHIVED');
    });
  });

  describe('POST /v1.0/admin/templates/:id/clone', () => {
    it('creates a DRAFT copy with the same content and a link to its source', async () => {
      const source = await fx.published({ templateVersion: '2.1.0', demoUrl: 'https://demo.example.com/a' });
      const clone = await fx.call('POST', `${adminUrl(source.templateId)}/clone`, fx.admin.token, {});
      expect(clone.status).toBe(201);
      expect(clone.body).toMatchObject({
        name: `${source.name} (copy)`,
        status: 'DRAFT',
        templateVersion: '2.1.0',
        clonedFromTemplateId: source.templateId,
        pages: source.pages,
        options: source.options,
        theme: source.theme,
        demoUrl: 'https://demo.example.com/a',
        usageCount: 0,
        publishedAt: null,
        version: 1,
      });
      expect(clone.body.templateId).not.toBe(source.templateId);
      const named = await fx.call('POST', `${adminUrl(source.templateId)}/clone`, fx.admin.token, {
        name: 'Fork',
      });
      expect(named.body.name).toBe('Fork');
      const missing = await fx.call(
        'POST',
        `${adminUrl('tpl-00000000-0000-4000-8000-000000000003')}/clone`,
        fx.admin.token,
        {},
      );
      expect(missing.status).toBe(404);
    });
  });

  describe('DELETE /v1.0/admin/templates/:id', () => {
    it('refuses while sites use the template (409 TEMPLATE_IN_USE) and deletes it after (204)', async () => {
      const template = await fx.published();
      const url = adminUrl(template.templateId);
      await fx.templates.adjustUsage(template.templateId, 2);
      const read = await fx.call('GET', `/v1.0/templates/${template.templateId}`);
      expect(read.body.usageCount).toBe(2);
      expect(read.body._links).not.toHaveProperty('delete');
      const inUse = await fx.call('DELETE', url);
      expect(inUse.status).toBe(409);
      expect(inUse.body.error).toMatchObject({ code: 'TEMPLATE_IN_USE', details: { usageCount: 2 } });
      await fx.templates.adjustUsage(template.templateId, -2);
      expect((await fx.call('DELETE', url, fx.admin.token, undefined, { 'if-match': '"1"' })).status).toBe(
        412,
      );
      const deleted = await fx.call('DELETE', url, fx.admin.token, undefined, {
        'if-match': `"${template.version}"`,
      });
      expect(deleted.status).toBe(204);
      expect(await fx.templates.get(template.templateId)).toBeNull();
      expect((await fx.call('DELETE', url)).status).toBe(404);
    });
  });
});
