import { newId } from '@bbws/shared-util';
import { PluginsFixture, uniqueSlug } from './plugins-api.fixture';

describe('plugins-api: curating the catalogue', () => {
  let f: PluginsFixture;

  beforeAll(async () => {
    f = await PluginsFixture.start();
  });

  afterAll(() => f.close());

  it('registers a plugin (201, Location, ETag) and refuses a second one with the same wpSlug (409)', async () => {
    const wpSlug = uniqueSlug();
    const response = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, {
      wpSlug,
      name: '  Contact   Form ',
      description: 'Forms',
      category: 'forms',
      pricing: 'free',
    });
    expect(response.status).toBe(201);
    const plugin = response.body;
    expect(response.headers.location).toBe(`/v1.0/plugins/${plugin.pluginId}`);
    expect(response.headers.etag).toBe('"1"');
    expect(plugin).toMatchObject({
      wpSlug,
      pluginFile: `${wpSlug}/${wpSlug}`,
      name: 'Contact   Form',
      category: 'FORMS',
      pricing: 'FREE',
      isApproved: true,
      isBlocklisted: false,
      latestVersion: null,
      versions: [],
      createdBy: f.admin.userId,
      version: 1,
    });
    expect(await f.stored(plugin.pluginId)).toMatchObject({ wpSlug, name: 'Contact   Form' });

    const again = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, {
      wpSlug,
      name: 'Other',
      category: 'SEO',
      pricing: 'FREE',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'PLUGIN_EXISTS',
      details: { wpSlug, existingPluginId: plugin.pluginId },
    });
  });

  it('refuses malformed registrations with 400 and stores nothing', async () => {
    const wpSlug = uniqueSlug();
    const bodies = [
      { wpSlug: 'Bad Slug', name: 'X', category: 'SEO', pricing: 'FREE' },
      { wpSlug, name: '', category: 'SEO', pricing: 'FREE' },
      { wpSlug, name: 'X', category: 'GAMES', pricing: 'FREE' },
      { wpSlug, name: 'X', category: 'SEO', pricing: 'CHEAP' },
      { wpSlug, name: 'X', category: 'SEO', pricing: 'FREE', conflictsWith: ['nope'] },
      { wpSlug, name: 'X', category: 'SEO', pricing: 'FREE', versions: [{ uploadId: 'upl-x' }] },
      { wpSlug, name: 'X', category: 'SEO', pricing: 'FREE', extra: true },
    ];
    for (const body of bodies) {
      const response = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const unknown = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, {
      wpSlug,
      name: 'X',
      category: 'SEO',
      pricing: 'FREE',
      conflictsWith: [newId('plg')],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_PLUGINS');
    expect(await f.plugins.findBySlug(wpSlug)).toBeNull();
  });

  it('replays a registration with the same Idempotency-Key instead of registering twice', async () => {
    const body = { wpSlug: uniqueSlug(), name: 'Replayed', category: 'SEO', pricing: 'FREE' };
    const headers = { 'idempotency-key': `key-${newId('upl')}` };
    const first = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, body, headers);
    const second = await f.call('POST', '/v1.0/admin/plugins', f.admin.token, body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.pluginId).toBe(first.body.pluginId);
    const other = await f.call(
      'POST',
      '/v1.0/admin/plugins',
      f.admin.token,
      { ...body, name: 'Changed' },
      headers,
    );
    expect(other.status).toBe(422);
  });

  it('updates details with If-Match (412 when stale), approval hiding the plugin from customers', async () => {
    const plugin = await f.register({ name: 'Before' });
    const url = `/v1.0/admin/plugins/${plugin.pluginId}`;
    const updated = await f.call(
      'PATCH',
      url,
      f.admin.token,
      { name: 'After', pricing: 'premium' },
      {
        'if-match': '"1"',
      },
    );
    expect(updated.status).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ name: 'After', pricing: 'PREMIUM', version: 2 });

    const stale = await f.call('PATCH', url, f.admin.token, { name: 'Stale' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
    expect((await f.stored(plugin.pluginId)).name).toBe('After');

    const hidden = await f.call('PATCH', url, f.admin.token, { approved: false });
    expect(hidden.body).toMatchObject({ isApproved: false, version: 3 });
    expect((await f.call('GET', `/v1.0/plugins/${plugin.pluginId}`, f.customer.token)).status).toBe(404);
    expect((await f.call('PATCH', url, f.admin.token, { category: 'GAMES' })).status).toBe(400);
    expect((await f.call('PATCH', url, f.admin.token, {})).status).toBe(400);
    expect((await f.stored(plugin.pluginId)).version).toBe(3);
    const renamed = await f.call('GET', '/v1.0/admin/plugins?search=after&pricing=PREMIUM');
    expect(renamed.body.items.map((p: { pluginId: string }) => p.pluginId)).toEqual([plugin.pluginId]);
    expect(
      (await f.call('PATCH', `/v1.0/admin/plugins/${newId('plg')}`, f.admin.token, { name: 'X' })).status,
    ).toBe(404);
  });

  it('blocklists with a reason (hidden from the list, installability BLOCKLISTED) and lifts it', async () => {
    const plugin = await f.register({ name: `Blockable ${uniqueSlug()}` });
    const search = `/v1.0/plugins?search=${encodeURIComponent(plugin.name)}`;
    expect((await f.call('GET', search, f.customer.token)).body.count).toBe(1);

    const blocked = await f.call('POST', `/v1.0/admin/plugins/${plugin.pluginId}/blocklist`, f.admin.token, {
      reason: 'Unpatched XSS',
    });
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({
      isBlocklisted: true,
      blocklistReason: 'Unpatched XSS',
      blocklistedBy: f.admin.userId,
    });
    expect(blocked.body.blocklistedAt).toEqual(expect.any(String));
    expect(blocked.body._links.unblocklist).toEqual({
      href: `/v1.0/admin/plugins/${plugin.pluginId}/blocklist`,
      method: 'DELETE',
    });
    expect((await f.call('GET', search, f.customer.token)).body.count).toBe(0);
    const check = await f.call(
      'GET',
      `/v1.0/plugins/${plugin.pluginId}/installability?wordpressVersion=6.4`,
      f.customer.token,
    );
    expect(check.body).toMatchObject({ ok: false, reason: 'BLOCKLISTED', blocklistReason: 'Unpatched XSS' });
    const noReason = await f.call('POST', `/v1.0/admin/plugins/${plugin.pluginId}/blocklist`, f.admin.token, {
      reason: ' ',
    });
    expect(noReason.status).toBe(400);

    const lifted = await f.call('DELETE', `/v1.0/admin/plugins/${plugin.pluginId}/blocklist`);
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ isBlocklisted: false, blocklistReason: null, blocklistedBy: null });
    expect((await f.call('GET', search, f.customer.token)).body.count).toBe(1);
  });

  it('keeps conflicts symmetric: set, changed and cleared on both sides in one request', async () => {
    const a = await f.register();
    const b = await f.register();
    const c = await f.register({ conflictsWith: [a.pluginId] });
    expect(c.conflictsWith).toEqual([a.pluginId]);
    expect((await f.stored(a.pluginId)).conflictsWith).toEqual([c.pluginId]);

    const url = `/v1.0/admin/plugins/${a.pluginId}/conflicts`;
    const set = await f.call('PUT', url, f.admin.token, { conflictsWith: [b.pluginId] });
    expect(set.status).toBe(200);
    expect(set.body.conflictsWith).toEqual([b.pluginId]);
    expect((await f.stored(b.pluginId)).conflictsWith).toEqual([a.pluginId]);
    expect((await f.stored(c.pluginId)).conflictsWith).toEqual([]);

    const self = await f.call('PUT', url, f.admin.token, { conflictsWith: [a.pluginId] });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('PLUGIN_CONFLICTS_ITSELF');
    const unknown = await f.call('PUT', url, f.admin.token, { conflictsWith: [c.pluginId, newId('plg')] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('UNKNOWN_PLUGINS');
    const stale = await f.call('PUT', url, f.admin.token, { conflictsWith: [] }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await f.stored(a.pluginId)).conflictsWith).toEqual([b.pluginId]);
    expect((await f.stored(c.pluginId)).conflictsWith).toEqual([]);

    const cleared = await f.call('PUT', url, f.admin.token, { conflictsWith: [] });
    expect(cleared.body.conflictsWith).toEqual([]);
    expect((await f.stored(b.pluginId)).conflictsWith).toEqual([]);
  });

  it('hands out presigned upload slots for packages and feeds, refusing other content types', async () => {
    const slot = await f.call('POST', '/v1.0/admin/plugins/uploads', f.admin.token, {
      kind: 'PLUGIN_PACKAGE',
      contentType: 'application/zip',
    });
    expect(slot.status).toBe(201);
    expect(slot.body).toMatchObject({
      uploadId: expect.stringMatching(/^upl-/),
      kind: 'PLUGIN_PACKAGE',
      method: 'PUT',
      headers: { 'content-type': 'application/zip' },
      maxBytes: 50 * 1024 * 1024,
    });
    const feed = await f.call('POST', '/v1.0/admin/plugins/uploads', f.admin.token, {
      kind: 'VULNERABILITY_FEED',
      contentType: 'application/json',
    });
    expect(feed.status).toBe(201);
    const wrong = await f.call('POST', '/v1.0/admin/plugins/uploads', f.admin.token, {
      kind: 'PLUGIN_PACKAGE',
      contentType: 'text/plain',
    });
    expect(wrong.status).toBe(400);
    const theme = await f.call('POST', '/v1.0/admin/plugins/uploads', f.admin.token, {
      kind: 'THEME_PACKAGE',
      contentType: 'application/zip',
    });
    expect(theme.status).toBe(400);
  });
});
