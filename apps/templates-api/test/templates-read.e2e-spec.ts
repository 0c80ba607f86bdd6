import { newTestUser } from '@bbws/testing-e2e';
import { TemplatesFixture, templateBody } from './templates-api.fixture';

describe('reading the template catalogue: lists, categories, detail and who sees what', () => {
  let fx: TemplatesFixture;
  beforeAll(async () => {
    fx = await TemplatesFixture.start();
  });
  afterAll(() => fx?.close());

  describe('GET /v1.0/templates', () => {
    const tag = `zq${Date.now().toString(36)}`;
    beforeAll(async () => {
      for (const [name, category, description] of [
        ['Cedar', 'BLOG', `A journal for writers ${tag}`],
        ['alder', 'BUSINESS', `Consulting ${tag}`],
        ['Birch', 'BLOG', 'For photographers'],
        ['Dogwood', 'PORTFOLIO', `Galleries ${tag.toUpperCase()}`],
        ['Elm', 'BLOG', 'For shops'],
      ])
        await fx.published({ name: `${tag} ${name}`, category, description });
      await fx.create({ name: `${tag} Fir draft`, category: 'BLOG' });
      const archived = await fx.published({ name: `${tag} Ginkgo archived`, category: 'BLOG' });
      await fx.call('POST', `/v1.0/admin/templates/${archived.templateId}/archive`);
    });

    const names = (body: any) => body.items.map((item: any) => item.name.replace(`${tag} `, ''));

    it('lists PUBLISHED templates only, by name case-insensitively, page by page with next links', async () => {
      const seen: string[] = [];
      let url: string | undefined = '/v1.0/templates?pageSize=2';
      let pages = 0;
      while (url) {
        const response: { status: number; body: any } = await fx.call('GET', url, fx.customer.token);
        expect(response.status).toBe(200);
        expect(response.body.count).toBe(response.body.items.length);
        seen.push(...names(response.body));
        url = response.body._links.next?.href;
        expect(response.body.moreAvailable).toBe(Boolean(url));
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(['alder', 'Birch', 'Cedar', 'Dogwood', 'Elm']);
    });

    it('filters by category (case-insensitive) and searches name and description', async () => {
      const blog = await fx.call('GET', '/v1.0/templates?category=blog', fx.customer.token);
      expect(names(blog.body)).toEqual(['Birch', 'Cedar', 'Elm']);
      expect(blog.body._links.self.href).toBe('/v1.0/templates?category=BLOG&pageSize=20');

      const search = await fx.call(
        'GET',
        `/v1.0/templates?search=${tag.toUpperCase()}&pageSize=2`,
        fx.customer.token,
      );
      // Every name carries the tag; only some descriptions do, so name matches count too.
      expect(names(search.body)).toEqual(['alder', 'Birch']);
      const described = await fx.call('GET', '/v1.0/templates?search=PHOTOGRAPH', fx.customer.token);
      expect(names(described.body)).toEqual(['Birch']);
      const both = await fx.call('GET', '/v1.0/templates?category=BLOG&search=journal', fx.customer.token);
      expect(names(both.body)).toEqual(['Cedar']);
      const next = await fx.call('GET', search.body._links.next.href, fx.customer.token);
      expect(names(next.body)).toEqual(['Cedar', 'Dogwood']);
    });

    it('refuses a bad filter, page size or cursor with 400', async () => {
      for (const query of [
        'category=GAMES',
        'pageSize=0',
        'pageSize=101',
        'startAt=forged.cursor',
        'search=',
      ]) {
        const response = await fx.call('GET', `/v1.0/templates?${query}`, fx.customer.token);
        expect([query, response.status, response.body.error.code]).toEqual([query, 400, 'VALIDATION_ERROR']);
      }
    });

    it('lists every status to platform admins, one status on request', async () => {
      const all = await fx.call('GET', `/v1.0/admin/templates?search=${tag}&pageSize=3`);
      expect(all.status).toBe(200);
      const seen = [...names(all.body)];
      let next = all.body._links.next?.href;
      while (next) {
        const page = await fx.call('GET', next);
        seen.push(...names(page.body));
        next = page.body._links.next?.href;
      }
      expect(seen).toEqual(['Fir draft', 'alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Ginkgo archived']);
      const drafts = await fx.call('GET', `/v1.0/admin/templates?status=draft&search=${tag}`);
      expect(names(drafts.body)).toEqual(['Fir draft']);
      expect(drafts.body.items[0]._links.publish).toEqual({
        href: `/v1.0/admin/templates/${drafts.body.items[0].templateId}/publish`,
        method: 'POST',
      });
      expect(drafts.body._links.create).toEqual({ href: '/v1.0/admin/templates', method: 'POST' });
    });
  });

  it('counts PUBLISHED templates in every category', async () => {
    const before = await fx.call('GET', '/v1.0/templates/categories', fx.customer.token);
    expect(before.status).toBe(200);
    expect(before.body.items.map((item: any) => item.category)).toEqual([
      'BUSINESS',
      'PORTFOLIO',
      'BLOG',
      'ECOMMERCE',
      'LANDING',
      'OTHER',
    ]);
    const count = (body: any, category: string) =>
      body.items.find((item: any) => item.category === category).count;
    await fx.published({ category: 'ECOMMERCE' });
    await fx.published({ category: 'ECOMMERCE' });
    await fx.create({ category: 'ECOMMERCE' });
    const after = await fx.call('GET', '/v1.0/templates/categories', fx.customer.token);
    expect(count(after.body, 'ECOMMERCE')).toBe(count(before.body, 'ECOMMERCE') + 2);
    expect(count(after.body, 'LANDING')).toBe(count(before.body, 'LANDING'));
  });

  it('hides drafts from customers (404) but shows them to platform admins; archived stay readable', async () => {
    const draft = await fx.create();
    const url = `/v1.0/templates/${draft.templateId}`;
    const hidden = await fx.call('GET', url, fx.customer.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('TEMPLATE_NOT_FOUND');
    const admin = await fx.call('GET', url);
    expect(admin.status).toBe(200);
    expect(admin.headers.etag).toBe('"1"');

    const published = await fx.published();
    const archived = await fx.call('POST', `/v1.0/admin/templates/${published.templateId}/archive`);
    expect(archived.body.status).toBe('ARCHIVED');
    const read = await fx.call('GET', `/v1.0/templates/${published.templateId}`, fx.customer.token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'ARCHIVED', templateId: published.templateId });
    expect(read.body._links).toEqual({
      self: { href: `/v1.0/templates/${published.templateId}` },
      collection: { href: '/v1.0/templates' },
    });
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    expect((await fx.call('GET', '/v1.0/templates/not-an-id', fx.customer.token)).status).toBe(400);
    const unknown = await fx.call(
      'GET',
      '/v1.0/templates/tpl-00000000-0000-4000-8000-000000000000',
      fx.customer.token,
    );
    expect(unknown.status).toBe(404);
  });

  it('refuses unauthenticated callers (401) and customers on every admin route (403), changing nothing', async () => {
    const template = await fx.published();
    const admin = `/v1.0/admin/templates/${template.templateId}`;
    expect((await fx.call('GET', '/v1.0/templates', '')).status).toBe(401);
    expect((await fx.call('GET', '/v1.0/templates/categories', '')).status).toBe(401);
    expect((await fx.call('GET', `/v1.0/templates/${template.templateId}`, '')).status).toBe(401);
    const customer = await newTestUser();
    const writes: Array<[any, string, unknown]> = [
      ['GET', '/v1.0/admin/templates', undefined],
      ['POST', '/v1.0/admin/templates/uploads', { kind: 'SCREENSHOT', contentType: 'image/png' }],
      ['POST', '/v1.0/admin/templates', templateBody()],
      ['PATCH', admin, { name: 'Taken over' }],
      ['PUT', admin, { name: 'Taken over' }],
      ['POST', `${admin}/archive`, undefined],
      ['POST', `${admin}/publish`, undefined],
      ['POST', `${admin}/clone`, {}],
      ['DELETE', admin, undefined],
    ];
    for (const [method, path, body] of writes) {
      const response = await fx.call(method, path, customer.token, body);
      expect([method, path, response.status, response.body.error?.code]).toEqual([
        method,
        path,
        403,
        'FORBIDDEN',
      ]);
      expect((await fx.call(method, path, '', body)).status).toBe(401);
    }
    const after = await fx.templates.get(template.templateId);
    expect(after).toMatchObject({ name: template.name, status: 'PUBLISHED', version: template.version });
  });
});
