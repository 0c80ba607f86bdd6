import type { CataloguePlugin } from '@bbws/data-access-catalogue';
import type { Instance } from '@bbws/data-access-instances';
import { InstalledPluginDao, type InstalledPlugin, type Site } from '@bbws/data-access-sites';
import { newId } from '@bbws/shared-util';
import { buildPluginVersion, buildVulnerability, testDynamoContext } from '@bbws/testing-factories';
import { buildInstalledPlugin } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('site plugins: /v1.0/tenants/:tenantId/sites/:siteId/plugins', () => {
  let fx: SitesFixture;
  let installed: InstalledPluginDao;
  beforeAll(async () => {
    fx = await SitesFixture.start();
    installed = new InstalledPluginDao(testDynamoContext(fx.clock));
  });
  afterAll(() => fx?.close());

  /** A catalogue plugin with 2.0.0 (latest) and 1.0.0, a vulnerable 0.9.0 and one needing WordPress 9.0. */
  const catalogued = (overrides: Partial<CataloguePlugin> = {}) =>
    fx.plugin({
      versions: [
        buildPluginVersion('3.0.0', { minWordPressVersion: '9.0' }),
        buildPluginVersion('2.0.0'),
        buildPluginVersion('1.0.0'),
        buildPluginVersion('0.9.0', { vulnerabilities: [buildVulnerability()] }),
      ],
      latestVersion: '2.0.0',
      ...overrides,
    });

  async function world(overrides: Partial<Site> = {}, instanceOverrides: Partial<Instance> = {}) {
    const { tenantId, instance, collection } = await fx.tenantWithInstance(instanceOverrides);
    const site = await fx.storedSite(tenantId, instance, { wpSiteId: 7, ...overrides });
    const url = `${collection}/${site.siteId}`;
    return { tenantId, instance, site, url, plugins: `${url}/plugins` };
  }

  async function install(site: Site, plugin: CataloguePlugin, overrides: Partial<InstalledPlugin> = {}) {
    const record = buildInstalledPlugin({
      siteId: site.siteId,
      pluginId: plugin.pluginId,
      pluginFile: plugin.pluginFile,
      ...overrides,
    });
    await installed.put(record);
    return record;
  }

  const version = async (site: Site) => (await fx.sites.get(site.tenantId, site.siteId))!.version;

  it('GET lists the installed plugins joined with the catalogue, links by role and state', async () => {
    const { tenantId, site, plugins } = await world();
    const old = await catalogued({ name: 'Forms' });
    const current = await catalogued({ name: 'Cache' });
    await install(site, old, { installedVersion: '1.0.0', configuration: { key: 'v' } });
    await install(site, current, { installedVersion: '2.0.0', isActive: false });

    const operator = await fx.member(tenantId, 'OPERATOR');
    const listed = await fx.call('GET', plugins, operator.token);
    expect(listed.status).toBe(200);
    expect(listed.body.count).toBe(2);
    const byId = Object.fromEntries(listed.body.items.map((item: any) => [item.pluginId, item]));
    expect(byId[old.pluginId]).toMatchObject({
      name: 'Forms',
      installedVersion: '1.0.0',
      latestVersion: '2.0.0',
      hasUpdate: true,
      isActive: true,
      configuration: { key: 'v' },
    });
    expect(byId[old.pluginId]._links).toEqual({
      site: { href: `/v1.0/tenants/${tenantId}/sites/${site.siteId}` },
      catalogue: { href: `/v1.0/plugins/${old.pluginId}` },
      status: { href: `${plugins}/${old.pluginId}/status`, method: 'PUT' },
      update: { href: `${plugins}/${old.pluginId}/update`, method: 'PUT' },
      config: { href: `${plugins}/${old.pluginId}/config`, method: 'PUT' },
    });
    expect(byId[current.pluginId]).toMatchObject({ name: 'Cache', hasUpdate: false, isActive: false });
    expect(byId[current.pluginId]._links.update).toBeUndefined();
    expect(listed.body._links.install).toEqual({ href: plugins, method: 'POST' });

    const admin = await fx.member(tenantId, 'ADMIN');
    const asAdmin = await fx.call('GET', plugins, admin.token);
    expect(asAdmin.body.items[0]._links.uninstall).toMatchObject({ method: 'DELETE' });
    const viewer = await fx.member(tenantId, 'VIEWER');
    const asViewer = await fx.call('GET', plugins, viewer.token);
    expect(asViewer.status).toBe(200);
    expect(Object.keys(asViewer.body.items[0]._links).sort()).toEqual(['catalogue', 'site']);
    expect(asViewer.body._links.install).toBeUndefined();

    const stranger = await world();
    expect((await fx.call('GET', plugins, (await fx.member(stranger.tenantId, 'ADMIN')).token)).status).toBe(
      404,
    );
    expect((await fx.call('GET', `${plugins.replace(site.siteId, 'nope')}`)).status).toBe(400);
  });

  it('POST answers 202 PLUGIN_INSTALLATION with the version the catalogue resolved, sent on the site-update queue', async () => {
    const { tenantId, site, plugins } = await world();
    const plugin = await catalogued();
    const operator = await fx.member(tenantId, 'OPERATOR');
    const before = await version(site);

    const response = await fx.call('POST', plugins, operator.token, { pluginId: plugin.pluginId });

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      type: 'PLUGIN_INSTALLATION',
      resourceId: site.siteId,
      status: 'PENDING',
    });
    expect(response.headers.location).toBe(`/v1.0/operations/${response.body.operationId}`);
    const [message] = await fx.messagesFor('site-update', response.body.operationId);
    expect(message.payload).toEqual({
      siteId: site.siteId,
      pluginId: plugin.pluginId,
      version: '2.0.0',
      activate: true,
    });
    expect(await version(site)).toBe(before + 1);
    // One operation at a time on a site.
    const other = await catalogued();
    const busy = await fx.call('POST', plugins, operator.token, {
      pluginId: other.pluginId,
      activate: false,
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationId: response.body.operationId },
    });
  });

  it('POST refuses what the catalogue refuses, what the site has, bad input, and callers or sites it may not, changing nothing', async () => {
    const { tenantId, site, plugins } = await world();
    const admin = await fx.member(tenantId, 'ADMIN');
    const plugin = await catalogued();
    const blocked = await catalogued({ isBlocklisted: true, blocklistReason: 'Malware' });
    const rival = await catalogued();
    const conflicting = await catalogued({ conflictsWith: [rival.pluginId] });
    await install(site, rival);
    const before = await version(site);
    const refusal = async (body: object, token = admin.token) => {
      const answer = await fx.call('POST', plugins, token, body);
      return [answer.status, answer.body.error?.code];
    };

    expect(await refusal({ pluginId: blocked.pluginId })).toEqual([422, 'PLUGIN_BLOCKLISTED']);
    const vulnerable = await fx.call('POST', plugins, admin.token, {
      pluginId: plugin.pluginId,
      version: '0.9.0',
    });
    expect([vulnerable.status, vulnerable.body.error]).toEqual([
      422,
      expect.objectContaining({
        code: 'PLUGIN_VULNERABLE',
        details: expect.objectContaining({ safeVersion: '1.0.0' }),
      }),
    ]);
    expect(await refusal({ pluginId: plugin.pluginId, version: '3.0.0' })).toEqual([
      422,
      'INCOMPATIBLE_WORDPRESS',
    ]);
    expect(await refusal({ pluginId: plugin.pluginId, version: '7.7.7' })).toEqual([
      422,
      'PLUGIN_NOT_AVAILABLE',
    ]);
    expect(await refusal({ pluginId: newId('plg') })).toEqual([422, 'PLUGIN_NOT_AVAILABLE']);
    expect(await refusal({ pluginId: conflicting.pluginId })).toEqual([409, 'PLUGIN_CONFLICT']);
    expect(await refusal({ pluginId: rival.pluginId })).toEqual([409, 'PLUGIN_ALREADY_INSTALLED']);
    for (const body of [
      {},
      { pluginId: 'plugin-1' },
      { pluginId: plugin.pluginId, version: 'latest' },
      { pluginId: plugin.pluginId, activate: 'yes' },
      { pluginId: plugin.pluginId, extra: 1 },
    ])
      expect([body, (await refusal(body))[0]]).toEqual([body, 400]);
    expect(await refusal({ pluginId: plugin.pluginId }, (await fx.member(tenantId, 'VIEWER')).token)).toEqual(
      [403, 'FORBIDDEN'],
    );
    const outsider = await world();
    expect(
      (await refusal({ pluginId: plugin.pluginId }, (await fx.member(outsider.tenantId, 'ADMIN')).token))[0],
    ).toBe(404);
    expect(await version(site)).toBe(before);

    const suspended = await world({ status: 'SUSPENDED' });
    const notActive = await fx.call('POST', suspended.plugins, fx.admin.token, { pluginId: plugin.pluginId });
    expect([notActive.status, notActive.body.error.code]).toEqual([422, 'INVALID_SITE_STATE']);

    const prod = await world({ environment: 'PROD' }, { environment: 'PROD' });
    const prodOperator = await fx.member(prod.tenantId, 'OPERATOR');
    expect(
      (await fx.call('POST', prod.plugins, prodOperator.token, { pluginId: plugin.pluginId })).status,
    ).toBe(403);
    const prodAdmin = await fx.member(prod.tenantId, 'ADMIN');
    expect((await fx.call('POST', prod.plugins, prodAdmin.token, { pluginId: plugin.pluginId })).status).toBe(
      202,
    );
  });

  it("POST installs the version the instance's other sites share (one copy per network), refusing another", async () => {
    const { tenantId, instance, plugins } = await world();
    const neighbour = await fx.storedSite(tenantId, instance, { wpSiteId: 8 });
    const plugin = await catalogued();
    await install(neighbour, plugin, { installedVersion: '1.0.0' });

    const other = await fx.call('POST', plugins, fx.admin.token, {
      pluginId: plugin.pluginId,
      version: '2.0.0',
    });
    expect([other.status, other.body.error]).toEqual([
      409,
      expect.objectContaining({
        code: 'PLUGIN_VERSION_CONFLICT',
        details: { pluginId: plugin.pluginId, requestedVersion: '2.0.0', instanceVersion: '1.0.0' },
      }),
    ]);
    const response = await fx.call('POST', plugins, fx.admin.token, { pluginId: plugin.pluginId });
    expect(response.status).toBe(202);
    const [message] = await fx.messagesFor('site-update', response.body.operationId);
    expect(message.payload).toMatchObject({ pluginId: plugin.pluginId, version: '1.0.0' });
  });

  it('PUT .../update answers 202 PLUGIN_UPDATE (alias PUT .../{pluginId}) for a newer installable version only', async () => {
    const { tenantId, site, plugins } = await world();
    const plugin = await catalogued();
    await install(site, plugin, { installedVersion: '1.0.0' });
    const operator = await fx.member(tenantId, 'OPERATOR');
    const update = `${plugins}/${plugin.pluginId}/update`;
    const refusal = async (body: object, url = update) => {
      const answer = await fx.call('PUT', url, operator.token, body);
      return [answer.status, answer.body.error?.code];
    };

    expect(await refusal({ version: '0.9.0' })).toEqual([422, 'PLUGIN_VULNERABLE']);
    expect(await refusal({ version: '1.0.0' })).toEqual([422, 'PLUGIN_VERSION_NOT_NEWER']);
    expect(await refusal({ version: '3.0.0' })).toEqual([422, 'INCOMPATIBLE_WORDPRESS']);
    expect(await refusal({ version: 'x' })).toEqual([400, 'VALIDATION_ERROR']);
    expect(await refusal({}, `${plugins}/${newId('plg')}/update`)).toEqual([
      404,
      'INSTALLED_PLUGIN_NOT_FOUND',
    ]);

    const response = await fx.call('PUT', `${plugins}/${plugin.pluginId}`, operator.token, {});
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ type: 'PLUGIN_UPDATE', resourceId: site.siteId });
    const [message] = await fx.messagesFor('site-update', response.body.operationId);
    expect(message.payload).toEqual({ siteId: site.siteId, pluginId: plugin.pluginId, version: '2.0.0' });
    // The running update holds the site: the synchronous changes wait too.
    const toggle = await fx.call('PUT', `${plugins}/${plugin.pluginId}/status`, operator.token, {
      isActive: false,
    });
    expect([toggle.status, toggle.body.error.code]).toEqual([409, 'OPERATION_IN_PROGRESS']);
  });

  it('DELETE answers 202 PLUGIN_UNINSTALLATION for ADMIN only', async () => {
    const { tenantId, site, plugins } = await world();
    const plugin = await catalogued();
    await install(site, plugin);
    const url = `${plugins}/${plugin.pluginId}`;

    expect((await fx.call('DELETE', url, (await fx.member(tenantId, 'OPERATOR')).token)).status).toBe(403);
    expect((await fx.call('DELETE', `${plugins}/${newId('plg')}`)).status).toBe(404);
    const response = await fx.call('DELETE', url, (await fx.member(tenantId, 'ADMIN')).token);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ type: 'PLUGIN_UNINSTALLATION', resourceId: site.siteId });
    const [message] = await fx.messagesFor('site-update', response.body.operationId);
    expect(message.payload).toEqual({ siteId: site.siteId, pluginId: plugin.pluginId });
  });

  it('PUT .../status and .../config validate, check the caller and the site before calling WordPress', async () => {
    const { tenantId, site, plugins } = await world();
    const plugin = await catalogued();
    const record = await install(site, plugin);
    const operator = await fx.member(tenantId, 'OPERATOR');
    const status = `${plugins}/${plugin.pluginId}/status`;
    const config = `${plugins}/${plugin.pluginId}/config`;
    const call = async (method: 'PUT' | 'POST', url: string, body: object, token = operator.token) => {
      const answer = await fx.call(method, url, token, body);
      return [answer.status, answer.body.error?.code];
    };

    for (const body of [{}, { isActive: 'yes' }, { isActive: true, more: 1 }])
      expect(await call('PUT', status, body)).toEqual([400, 'VALIDATION_ERROR']);
    expect(await call('POST', `${plugins}/${plugin.pluginId}/toggle`, {})).toEqual([400, 'VALIDATION_ERROR']);
    for (const body of [
      {},
      { configuration: [1, 2] },
      { configuration: 'x' },
      { configuration: { big: 'x'.repeat(17_000) } },
    ])
      expect(await call('PUT', config, body)).toEqual([400, 'VALIDATION_ERROR']);
    expect(await call('PUT', `${plugins}/${newId('plg')}/status`, { isActive: true })).toEqual([
      404,
      'INSTALLED_PLUGIN_NOT_FOUND',
    ]);
    expect(
      await call('PUT', status, { isActive: false }, (await fx.member(tenantId, 'VIEWER')).token),
    ).toEqual([403, 'FORBIDDEN']);
    const failed = await world({ status: 'FAILED' });
    expect(
      await call('PUT', `${failed.plugins}/${plugin.pluginId}/config`, { configuration: {} }, fx.admin.token),
    ).toEqual([422, 'INVALID_SITE_STATE']);
    expect(await installed.get(site.siteId, plugin.pluginId)).toEqual(record);
  });
});
