import { SitesFixture } from './sites-api.fixture';

describe('PATCH and PUT /v1.0/tenants/:tenantId/sites/:siteId', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function activeSite(overrides: Parameters<SitesFixture['storedSite']>[2] = {}) {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const site = await fx.storedSite(tenantId, instance, overrides);
    return { tenantId, instance, site, url: `${collection}/${site.siteId}` };
  }

  it('PATCH answers 202 SITE_UPDATE with only the given fields on the site-update queue', async () => {
    const { tenantId, site, url } = await activeSite();
    const operator = await fx.member(tenantId, 'OPERATOR');
    const response = await fx.call(
      'PATCH',
      url,
      operator.token,
      { siteName: ' Renamed ', configuration: { tagline: 'Fresh', timezone: 'Europe/Berlin' } },
      { 'x-request-id': 'req-patch-1', 'if-match': `"${site.version}"` },
    );
    expect(response.status).toBe(202);
    const { operationId } = response.body;
    expect(response.body).toMatchObject({
      type: 'SITE_UPDATE',
      status: 'PENDING',
      resourceType: 'site',
      resourceId: site.siteId,
      createdBy: operator.userId,
    });
    expect(response.headers.location).toBe(`/v1.0/operations/${operationId}`);
    expect(await fx.messagesFor('site-update', operationId)).toEqual([
      expect.objectContaining({
        messageType: 'SITE_UPDATE',
        resourceId: site.siteId,
        correlationId: 'req-patch-1',
        payload: {
          siteId: site.siteId,
          siteName: 'Renamed',
          configuration: { tagline: 'Fresh', timezone: 'Europe/Berlin' },
        },
      }),
    ]);
    // The worker writes the settings; the launch only moved the version (conditional on ACTIVE).
    expect(await fx.sites.get(tenantId, site.siteId)).toMatchObject({
      siteName: site.siteName,
      configuration: site.configuration,
      version: site.version + 1,
    });
    const read = await fx.call('GET', url, operator.token);
    expect(read.body._links.operation).toEqual({ href: `/v1.0/operations/${operationId}` });
    expect(read.body._links).not.toHaveProperty('update');
  });

  it('PUT replaces the whole settings and requires every field', async () => {
    const { tenantId, site, url } = await activeSite();
    const full = {
      siteName: 'Whole',
      configuration: { title: 'Whole', tagline: '', timezone: 'UTC', language: 'de_DE' },
    };
    const missing = await fx.call('PUT', url, fx.admin.token, {
      siteName: 'Whole',
      configuration: { title: 'Whole' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['configuration.tagline', 'configuration.timezone', 'configuration.language']),
    );
    expect((await fx.call('PUT', url, fx.admin.token, { configuration: full.configuration })).status).toBe(
      400,
    );

    const response = await fx.call('PUT', url, fx.admin.token, full);
    expect(response.status).toBe(202);
    expect(await fx.messagesFor('site-update', response.body.operationId)).toEqual([
      expect.objectContaining({ payload: { siteId: site.siteId, ...full } }),
    ]);
    expect((await fx.sites.get(tenantId, site.siteId))?.version).toBe(site.version + 1);
  });

  it('answers 400 for bad input and an empty PATCH, changing nothing', async () => {
    const { tenantId, site, url } = await activeSite();
    const bad: Array<[unknown, string]> = [
      [{}, 'siteName'],
      [{ configuration: {} }, 'siteName'],
      [{ siteName: '' }, 'siteName'],
      [{ siteName: 'x'.repeat(101) }, 'siteName'],
      [{ configuration: { timezone: 'Mars/Olympus' } }, 'configuration.timezone'],
      [{ configuration: { language: 'English' } }, 'configuration.language'],
      [{ configuration: { title: '' } }, 'configuration.title'],
      [{ configuration: { colour: 'red' } }, 'configuration.colour'],
      [{ configuration: 'title' }, 'configuration'],
      [{ siteName: 'A', status: 'ACTIVE' }, 'status'],
    ];
    for (const [body, field] of bad) {
      const response = await fx.call('PATCH', url, fx.admin.token, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const badTag = await fx.call('PATCH', url, fx.admin.token, { siteName: 'A' }, { 'if-match': 'v1' });
    expect(badTag.status).toBe(400);
    expect(
      (await fx.call('PATCH', `${url.slice(0, -36)}nope`, fx.admin.token, { siteName: 'A' })).status,
    ).toBe(400);
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
  });

  it('lets ADMIN and OPERATOR change settings; VIEWER 403, another tenant’s member 404', async () => {
    const { tenantId, site, url } = await activeSite();
    const viewer = await fx.member(tenantId, 'VIEWER');
    const forbidden = await fx.call('PATCH', url, viewer.token, { siteName: 'V' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details).toMatchObject({ requiredRoles: ['ADMIN', 'OPERATOR'] });
    const other = await fx.tenantWithInstance();
    const outsider = await fx.member(other.tenantId, 'ADMIN');
    expect((await fx.call('PATCH', url, outsider.token, { siteName: 'O' })).status).toBe(404);
    // A site of another tenant under this tenant's path is not found either.
    const foreign = await fx.call('PATCH', `${other.collection}/${site.siteId}`, outsider.token, {
      siteName: 'O',
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('SITE_NOT_FOUND');
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    const admin = await fx.member(tenantId, 'ADMIN');
    expect((await fx.call('PATCH', url, admin.token, { siteName: 'A' })).status).toBe(202);
  });

  it('answers 422 INVALID_SITE_STATE with the status for a site that is not ACTIVE', async () => {
    for (const status of ['SUSPENDED', 'FAILED', 'PROVISIONING', 'DEPROVISIONING'] as const) {
      const { tenantId, site, url } = await activeSite({ status });
      const response = await fx.call('PATCH', url, fx.admin.token, { siteName: 'X' });
      expect([status, response.status]).toEqual([status, 422]);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_SITE_STATE',
        details: { status, action: 'UPDATE', allowedStatuses: ['ACTIVE'] },
      });
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    }
  });

  it('refuses PROD settings with 422 PROD_CONTENT_LOCKED, except for a platform admin', async () => {
    const tenant = await fx.tenant();
    const prod = await fx.instance(tenant.tenantId, { environment: 'PROD' });
    const site = await fx.storedSite(tenant.tenantId, prod);
    const url = `/v1.0/tenants/${tenant.tenantId}/sites/${site.siteId}`;
    const admin = await fx.member(tenant.tenantId, 'ADMIN');
    const locked = await fx.call('PATCH', url, admin.token, { configuration: { tagline: 'New' } });
    expect(locked.status).toBe(422);
    expect(locked.body.error).toMatchObject({
      code: 'PROD_CONTENT_LOCKED',
      details: { siteId: site.siteId, environment: 'PROD', action: 'UPDATE' },
    });
    expect((await fx.call('GET', url, admin.token)).body._links).not.toHaveProperty('update');
    expect(await fx.sites.get(tenant.tenantId, site.siteId)).toEqual(site);
    expect((await fx.call('GET', url, fx.admin.token)).body._links.update).toEqual({
      href: url,
      method: 'PATCH',
    });
    expect((await fx.call('PATCH', url, fx.admin.token, { configuration: { tagline: 'New' } })).status).toBe(
      202,
    );
  });

  it('answers 412 for a stale If-Match and 409 OPERATION_IN_PROGRESS while an operation runs', async () => {
    const { tenantId, site, url } = await activeSite();
    const stale = await fx.call('PATCH', url, fx.admin.token, { siteName: 'S' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('PRECONDITION_FAILED');
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);

    const first = await fx.call('PATCH', url, fx.admin.token, { siteName: 'First' });
    expect(first.status).toBe(202);
    const second = await fx.call('PUT', url, fx.admin.token, {
      siteName: 'Second',
      configuration: { title: 'T', tagline: 'G', timezone: 'UTC', language: 'en_US' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { resourceId: site.siteId, operationId: first.body.operationId, operationType: 'SITE_UPDATE' },
    });
    expect(await fx.messagesFor('site-update', first.body.operationId)).toHaveLength(1);
  });

  it('starts one operation when several changes race on the site: one 202, the others 409', async () => {
    const { tenantId, site, url } = await activeSite();
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) =>
        fx.call('PATCH', url, fx.admin.token, { siteName: `Race ${i}` }),
      ),
      fx.call('DELETE', url),
      fx.call('PUT', `${url}/status`, fx.admin.token, { status: 'SUSPENDED' }),
    ]);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    const winner = responses.find((response) => response.status === 202);
    const stored = await fx.sites.get(tenantId, site.siteId);
    expect(stored?.version).toBe(site.version + 1);
    expect(stored?.status).toBe(winner?.body.type === 'SITE_DELETION' ? 'DEPROVISIONING' : 'ACTIVE');
  });
});
