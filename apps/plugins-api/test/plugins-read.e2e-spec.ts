import { randomUUID } from 'node:crypto';
import { newId } from '@bbws/shared-util';
import { PluginsFixture } from './plugins-api.fixture';

describe('plugins-api: reading the catalogue', () => {
  let f: PluginsFixture;
  const token = randomUUID().slice(0, 8);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    f = await PluginsFixture.start();
    const entries: Array<[string, Record<string, unknown>]> = [
      ['Alpha Forms', { category: 'FORMS', description: `Contact forms ${token}` }],
      ['Beta Cache', { category: 'PERFORMANCE', pricing: 'PREMIUM' }],
      ['Gamma SEO', { category: 'SEO', description: 'Sitemaps' }],
      ['Delta Hidden', { category: 'SEO', approved: false }],
      ['Epsilon Shield', { category: 'SECURITY' }],
      ['Zeta Blocked', { category: 'SEO' }],
    ];
    for (const [name, overrides] of entries) {
      ids[name] = (await f.register({ name, ...overrides })).pluginId;
    }
    await f.call('POST', `/v1.0/admin/plugins/${ids['Zeta Blocked']}/blocklist`, f.admin.token, {
      reason: 'Malware',
    });
  });

  afterAll(() => f.close());

  const names = (body: { items: Array<{ name: string }> }) => body.items.map((item) => item.name);

  it('lists approved, non-blocklisted plugins by name to any signed-in caller, with links', async () => {
    const response = await f.call('GET', '/v1.0/plugins', f.customer.token);
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(['Alpha Forms', 'Beta Cache', 'Epsilon Shield', 'Gamma SEO']);
    const first = response.body.items[0];
    expect(first._links).toEqual({
      self: { href: `/v1.0/plugins/${ids['Alpha Forms']}` },
      collection: { href: '/v1.0/plugins' },
      installability: { href: `/v1.0/plugins/${ids['Alpha Forms']}/installability` },
    });
    expect(response.headers.etag).toBeUndefined();
  });

  it('filters by category, pricing and a case-insensitive search over name and description', async () => {
    const get = async (query: string) =>
      names((await f.call('GET', `/v1.0/plugins?${query}`, f.customer.token)).body);
    expect(await get('category=seo')).toEqual(['Gamma SEO']);
    expect(await get('pricing=PREMIUM')).toEqual(['Beta Cache']);
    expect(await get(`search=${token.toUpperCase()}`)).toEqual(['Alpha Forms']);
    expect(await get('search=SITEMAP')).toEqual(['Gamma SEO']);
    expect(await get('search=hidden')).toEqual([]);
    const bad = await f.call('GET', '/v1.0/plugins?category=GAMES', f.customer.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('pages through the list with a cursor that keeps the filters', async () => {
    const first = await f.call('GET', '/v1.0/plugins?pageSize=3', f.customer.token);
    expect(names(first.body)).toEqual(['Alpha Forms', 'Beta Cache', 'Epsilon Shield']);
    expect(first.body.moreAvailable).toBe(true);
    const next = await f.call('GET', first.body._links.next.href, f.customer.token);
    expect(names(next.body)).toEqual(['Gamma SEO']);
    expect(next.body.moreAvailable).toBe(false);
    const foreign = await f.call(
      'GET',
      `/v1.0/plugins?category=SEO&startAt=${encodeURIComponent(first.body.nextStartAt)}`,
      f.customer.token,
    );
    expect(foreign.status).toBe(400);
  });

  it('reads a plugin with its ETag; an unapproved one is 404 for customers, readable for admins', async () => {
    const found = await f.call('GET', `/v1.0/plugins/${ids['Gamma SEO']}`, f.customer.token);
    expect(found.status).toBe(200);
    expect(found.headers.etag).toBe('"1"');
    expect(found.body).toMatchObject({ name: 'Gamma SEO', versions: [], conflictsWith: [], installCount: 0 });

    const hidden = await f.call('GET', `/v1.0/plugins/${ids['Delta Hidden']}`, f.customer.token);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('PLUGIN_NOT_FOUND');
    const asAdmin = await f.call('GET', `/v1.0/plugins/${ids['Delta Hidden']}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body._links).toMatchObject({
      update: { href: `/v1.0/admin/plugins/${ids['Delta Hidden']}`, method: 'PATCH' },
      blocklist: { method: 'POST' },
    });

    const blocked = await f.call('GET', `/v1.0/plugins/${ids['Zeta Blocked']}`, f.customer.token);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ isBlocklisted: true, blocklistReason: 'Malware' });
    expect(blocked.body._links.installability).toBeUndefined();

    expect((await f.call('GET', `/v1.0/plugins/${newId('plg')}`, f.customer.token)).status).toBe(404);
    expect((await f.call('GET', '/v1.0/plugins/not-an-id', f.customer.token)).status).toBe(400);
  });

  it('lists every plugin for platform admins, with the blocklisted filter', async () => {
    const all = await f.call('GET', '/v1.0/admin/plugins');
    expect(names(all.body)).toEqual([
      'Alpha Forms',
      'Beta Cache',
      'Delta Hidden',
      'Epsilon Shield',
      'Gamma SEO',
      'Zeta Blocked',
    ]);
    const blocked = await f.call('GET', '/v1.0/admin/plugins?blocklisted=true&category=SEO');
    expect(names(blocked.body)).toEqual(['Zeta Blocked']);
    expect(blocked.body._links.self.href).toContain('blocklisted=true');
    const clean = await f.call('GET', '/v1.0/admin/plugins?blocklisted=false&category=SEO');
    expect(names(clean.body)).toEqual(['Delta Hidden', 'Gamma SEO']);
    expect((await f.call('GET', '/v1.0/admin/plugins?blocklisted=maybe')).status).toBe(400);
  });

  it('asks for a token (401) and keeps admin routes to platform admins (403)', async () => {
    const anonymous = (url: string) => f.api.request({ method: 'GET', url });
    expect((await anonymous('/v1.0/plugins')).status).toBe(401);
    expect((await anonymous(`/v1.0/plugins/${ids['Gamma SEO']}`)).status).toBe(401);
    expect(
      (await anonymous(`/v1.0/plugins/${ids['Gamma SEO']}/installability?wordpressVersion=6.4`)).status,
    ).toBe(401);
    const id = ids['Gamma SEO'];
    const customer = f.customer.token;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', '/v1.0/admin/plugins'],
      ['POST', '/v1.0/admin/plugins', { wpSlug: 'x', name: 'X', category: 'SEO', pricing: 'FREE' }],
      ['POST', '/v1.0/admin/plugins/uploads', { kind: 'PLUGIN_PACKAGE', contentType: 'application/zip' }],
      ['PATCH', `/v1.0/admin/plugins/${id}`, { name: 'Mine' }],
      ['POST', `/v1.0/admin/plugins/${id}/versions`, { uploadId: newId('upl') }],
      ['GET', `/v1.0/admin/plugins/${id}/versions/1.0.0/download`],
      ['POST', `/v1.0/admin/plugins/${id}/blocklist`, { reason: 'no' }],
      ['DELETE', `/v1.0/admin/plugins/${ids['Zeta Blocked']}/blocklist`],
      ['PUT', `/v1.0/admin/plugins/${id}/conflicts`, { conflictsWith: [] }],
    ];
    for (const [method, url, body] of attempts) {
      const response = await f.call(method as never, url, customer, body);
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 403 });
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect((await f.stored(id)).name).toBe('Gamma SEO');
    expect((await f.stored(ids['Zeta Blocked'])).isBlocklisted).toBe(true);
  });
});
