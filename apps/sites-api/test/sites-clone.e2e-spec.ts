import { uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites/:siteId/clone', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function source(overrides: Parameters<SitesFixture['storedSite']>[2] = {}, tier = 'STANDARD') {
    const { tenantId, instance, collection } = await fx.tenantWithInstance({ tier: tier as never });
    const site = await fx.storedSite(tenantId, instance, {
      templateId: 'tpl-00000000-0000-4000-8000-000000000001',
      ...overrides,
    });
    return { tenantId, instance, collection, site, url: `${collection}/${site.siteId}/clone` };
  }

  it('creates the copy PROVISIONING and runs SITE_CLONE on it, naming the new site', async () => {
    const { tenantId, instance, collection, site, url } = await source();
    const operator = await fx.member(tenantId, 'OPERATOR');
    const subdomain = uniqueSubdomain();
    const response = await fx.call(
      'POST',
      url,
      operator.token,
      { siteName: ' Copy ', subdomain },
      {
        'x-request-id': 'req-clone-1',
      },
    );
    expect(response.status).toBe(202);
    const { operationId, resourceId: copyId } = response.body;
    expect(copyId).toMatch(/^site-/);
    expect(copyId).not.toBe(site.siteId);
    expect(response.body).toMatchObject({ type: 'SITE_CLONE', resourceType: 'site' });
    expect(response.body._links).toMatchObject({
      resource: { href: `${collection}/${copyId}` },
      source: { href: `${collection}/${site.siteId}` },
    });
    expect(await fx.messagesFor('site-creation', operationId)).toEqual([
      expect.objectContaining({
        messageType: 'SITE_CLONE',
        resourceId: copyId,
        correlationId: 'req-clone-1',
        payload: {
          siteId: copyId,
          sourceSiteId: site.siteId,
          siteName: 'Copy',
          subdomain,
          environment: 'DEV',
        },
      }),
    ]);
    expect(await fx.sites.get(tenantId, copyId)).toMatchObject({
      status: 'PROVISIONING',
      instanceId: instance.instanceId,
      subdomain,
      siteUrl: `http://${subdomain}.dev.localhost:3000`,
      templateId: site.templateId,
      ownerId: operator.userId,
    });
    expect(await fx.sites.subdomainHolder(subdomain)).toEqual({ tenantId, siteId: copyId });
    expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    expect(await fx.sites.countLive(tenantId, 'DEV')).toBe(2);
    // The source is not locked by the clone: the copy is.
    expect((await fx.call('GET', `${collection}/${site.siteId}`)).body._links).not.toHaveProperty(
      'operation',
    );
  });

  it('clones into another environment; a PROD copy needs ADMIN', async () => {
    const { tenantId, site, url } = await source();
    const sit = await fx.instance(tenantId, { environment: 'SIT' });
    await fx.instance(tenantId, { environment: 'PROD' });
    const operator = await fx.member(tenantId, 'OPERATOR');
    const toSit = await fx.call('POST', url, operator.token, {
      siteName: 'S',
      subdomain: uniqueSubdomain(),
      environment: 'sit',
    });
    expect(toSit.status).toBe(202);
    expect(await fx.sites.get(tenantId, toSit.body.resourceId)).toMatchObject({
      environment: 'SIT',
      instanceId: sit.instanceId,
    });
    const toProd = await fx.call('POST', url, operator.token, {
      siteName: 'P',
      subdomain: uniqueSubdomain(),
      environment: 'PROD',
    });
    expect(toProd.status).toBe(403);
    expect(toProd.body.error.details).toMatchObject({ requiredRoles: ['ADMIN'], environment: 'PROD' });
    expect((await fx.storedSites(tenantId)).map((stored) => stored.siteId).sort()).toEqual(
      [site.siteId, toSit.body.resourceId].sort(),
    );
  });

  it('applies the rules of a new site: subdomain, instance, quota', async () => {
    const { tenantId, instance, url } = await source();
    const other = await fx.tenantWithInstance();
    const taken = await fx.storedSite(other.tenantId, other.instance);
    const clash = await fx.call('POST', url, fx.admin.token, { siteName: 'C', subdomain: taken.subdomain });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'SUBDOMAIN_TAKEN', details: { heldBy: 'SITE' } });
    const host = await fx.call('POST', url, fx.admin.token, {
      siteName: 'C',
      subdomain: other.instance.slug,
    });
    expect(host.body.error).toMatchObject({ code: 'SUBDOMAIN_TAKEN', details: { heldBy: 'INSTANCE_HOST' } });
    const noSit = await fx.call('POST', url, fx.admin.token, {
      siteName: 'C',
      subdomain: uniqueSubdomain(),
      environment: 'SIT',
    });
    expect(noSit.status).toBe(422);
    expect(noSit.body.error.code).toBe('INSTANCE_NOT_READY');
    for (let i = 0; i < 3; i += 1) await fx.storedSite(tenantId, instance);
    // STANDARD: 5 per environment; the source and 3 more use 4 slots, so one copy fits.
    expect(
      (await fx.call('POST', url, fx.admin.token, { siteName: 'C', subdomain: uniqueSubdomain() })).status,
    ).toBe(202);
    const full = await fx.call('POST', url, fx.admin.token, {
      siteName: 'D',
      subdomain: uniqueSubdomain(),
    });
    expect(full.status).toBe(422);
    expect(full.body.error).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { quota: 5 } });
    expect(await fx.sites.countLive(tenantId, 'DEV')).toBe(5);
  });

  it('refuses a source that is not ACTIVE (422) or busy (409), and bad input (400), creating nothing', async () => {
    for (const status of ['SUSPENDED', 'PROVISIONING', 'FAILED'] as const) {
      const { tenantId, url } = await source({ status });
      const response = await fx.call('POST', url, fx.admin.token, {
        siteName: 'C',
        subdomain: uniqueSubdomain(),
      });
      expect([status, response.status]).toEqual([status, 422]);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_SITE_STATE',
        details: { status, action: 'CLONE' },
      });
      expect(await fx.storedSites(tenantId)).toHaveLength(1);
    }
    const { tenantId, site, collection, url } = await source();
    const busy = await fx.call('PATCH', `${collection}/${site.siteId}`, fx.admin.token, { siteName: 'Busy' });
    expect(busy.status).toBe(202);
    const refused = await fx.call('POST', url, fx.admin.token, {
      siteName: 'C',
      subdomain: uniqueSubdomain(),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { resourceId: site.siteId, operationId: busy.body.operationId },
    });
    for (const body of [
      { subdomain: uniqueSubdomain() },
      { siteName: 'C', subdomain: 'www' },
      { siteName: 'C', subdomain: 'a_b' },
      { siteName: 'C', subdomain: uniqueSubdomain(), environment: 'QA' },
      { siteName: 'C', subdomain: uniqueSubdomain(), templateId: 'tpl-x' },
    ])
      expect([body, (await fx.call('POST', url, fx.admin.token, body)).status]).toEqual([body, 400]);
    expect(await fx.storedSites(tenantId)).toHaveLength(1);
  });

  it('is for ADMIN and OPERATOR (VIEWER 403, non-members 404) and replays an Idempotency-Key', async () => {
    const { tenantId, url } = await source();
    const viewer = await fx.member(tenantId, 'VIEWER');
    const body = { siteName: 'Once', subdomain: uniqueSubdomain() };
    expect((await fx.call('POST', url, viewer.token, body)).status).toBe(403);
    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('POST', url, outsider.token, body)).status).toBe(404);
    const headers = { 'idempotency-key': `clone-${Date.now()}` };
    const first = await fx.call('POST', url, fx.admin.token, body, headers);
    const again = await fx.call('POST', url, fx.admin.token, body, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const reused = await fx.call('POST', url, fx.admin.token, { ...body, siteName: 'Twice' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await fx.storedSites(tenantId)).toHaveLength(2);
  });
});
