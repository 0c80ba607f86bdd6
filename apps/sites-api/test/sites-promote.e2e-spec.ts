import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites/:siteId/promote', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  /** A tenant with ACTIVE DEV and SIT instances and an ACTIVE DEV site holding its subdomain. */
  async function devSite() {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const sit = await fx.instance(tenantId, { environment: 'SIT', tier: 'PROFESSIONAL' });
    const site = await fx.storedSite(tenantId, instance, {
      templateId: 'tpl-00000000-0000-4000-8000-000000000002',
    });
    return { tenantId, sit, collection, site, url: `${collection}/${site.siteId}/promote` };
  }

  it('creates the SIT target on the first promotion and runs SITE_PROMOTION on the source naming it', async () => {
    const { tenantId, sit, collection, site, url } = await devSite();
    const admin = await fx.member(tenantId, 'ADMIN');
    const response = await fx.call('POST', url, admin.token, {
      targetEnvironment: 'sit',
      includeFiles: false,
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ type: 'SITE_PROMOTION', resourceId: site.siteId });
    const targets = (await fx.storedSites(tenantId)).filter((stored) => stored.environment === 'SIT');
    expect(targets).toHaveLength(1);
    const [target] = targets;
    expect(target).toMatchObject({
      status: 'PROVISIONING',
      subdomain: site.subdomain,
      siteName: site.siteName,
      templateId: site.templateId,
      promotedFromSiteId: site.siteId,
      instanceId: sit.instanceId,
      siteUrl: `http://${site.subdomain}.sit.localhost:3000`,
    });
    expect(response.body._links.target).toEqual({ href: `${collection}/${target.siteId}` });
    expect(await fx.messagesFor('site-update', response.body.operationId)).toEqual([
      expect.objectContaining({
        messageType: 'SITE_PROMOTION',
        resourceId: site.siteId,
        payload: {
          siteId: site.siteId,
          targetEnvironment: 'SIT',
          includeDatabase: true,
          includeFiles: false,
          targetSiteId: target.siteId,
        },
      }),
    ]);
    // The guard stays with the lineage's first site; the target took a SIT quota slot.
    expect(await fx.sites.subdomainHolder(site.subdomain)).toEqual({ tenantId, siteId: site.siteId });
    expect(await fx.sites.countLive(tenantId, 'SIT')).toBe(1);
  });

  it('promotes onto the existing ACTIVE target, which must be ACTIVE', async () => {
    const { tenantId, sit, site, url } = await devSite();
    const target = await fx.storedLineageSite(tenantId, sit, {
      subdomain: site.subdomain,
      promotedFromSiteId: site.siteId,
      status: 'SUSPENDED',
    });
    const refused = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'SIT' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'PROMOTION_TARGET_NOT_READY',
      details: { targetSiteId: target.siteId, targetStatus: 'SUSPENDED' },
    });
    await fx.sites.change(target, { expectedVersion: target.version, changes: { status: 'ACTIVE' } });
    const response = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'SIT' });
    expect(response.status).toBe(202);
    expect(await fx.messagesFor('site-update', response.body.operationId)).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          targetSiteId: target.siteId,
          includeDatabase: true,
          includeFiles: true,
        }),
      }),
    ]);
    expect(await fx.storedSites(tenantId)).toHaveLength(2);
    // The source's conditional change moved its version.
    expect((await fx.sites.get(tenantId, site.siteId))?.version).toBe(site.version + 1);
  });

  it('answers 422 INVALID_PROMOTION_PATH off DEV→SIT→PROD and INSTANCE_NOT_READY without the target instance', async () => {
    const { tenantId, site, url } = await devSite();
    const skip = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'PROD' });
    expect(skip.status).toBe(422);
    expect(skip.body.error).toMatchObject({
      code: 'INVALID_PROMOTION_PATH',
      details: { from: 'DEV', to: 'PROD', allowedTargets: ['SIT'] },
    });
    const sitInstance = (await fx.instances.get(tenantId, 'SIT'))!;
    const sitSite = await fx.storedLineageSite(tenantId, sitInstance, { subdomain: site.subdomain });
    const toProd = await fx.call(
      'POST',
      `/v1.0/tenants/${tenantId}/sites/${sitSite.siteId}/promote`,
      fx.admin.token,
      {
        targetEnvironment: 'PROD',
      },
    );
    expect(toProd.status).toBe(422);
    expect(toProd.body.error).toMatchObject({
      code: 'INSTANCE_NOT_READY',
      details: { environment: 'PROD', instanceId: null },
    });
    const prod = await fx.instance(tenantId, { environment: 'PROD' });
    const prodSite = await fx.storedLineageSite(tenantId, prod, { subdomain: site.subdomain });
    const fromProd = await fx.call(
      'POST',
      `/v1.0/tenants/${tenantId}/sites/${prodSite.siteId}/promote`,
      fx.admin.token,
      {
        targetEnvironment: 'PROD',
      },
    );
    expect(fromProd.body.error).toMatchObject({
      code: 'INVALID_PROMOTION_PATH',
      details: { allowedTargets: [] },
    });
    const back = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'DEV' });
    expect(back.status).toBe(400);
    expect(await fx.storedSites(tenantId)).toHaveLength(3);
  });

  it('is for ADMINs on ACTIVE sites, validates input, checks If-Match and replays an Idempotency-Key', async () => {
    const { tenantId, url } = await devSite();
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('POST', url, operator.token, { targetEnvironment: 'SIT' })).status).toBe(403);
    const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
    expect((await fx.call('POST', url, outsider.token, { targetEnvironment: 'SIT' })).status).toBe(404);
    for (const body of [
      {},
      { targetEnvironment: 'SIT', includeFiles: 'yes' },
      { targetEnvironment: 'SIT', x: 1 },
    ])
      expect([body, (await fx.call('POST', url, fx.admin.token, body)).status]).toEqual([body, 400]);
    const stale = await fx.call(
      'POST',
      url,
      fx.admin.token,
      { targetEnvironment: 'SIT' },
      { 'if-match': '"4"' },
    );
    expect(stale.status).toBe(412);
    expect(await fx.storedSites(tenantId)).toHaveLength(1);

    const headers = { 'idempotency-key': `promote-${Date.now()}` };
    const first = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'SIT' }, headers);
    const again = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'SIT' }, headers);
    expect(first.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const busy = await fx.call('POST', url, fx.admin.token, { targetEnvironment: 'SIT' });
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: { operationId: first.body.operationId },
    });
    expect(await fx.storedSites(tenantId)).toHaveLength(2);

    const suspended = await fx.storedSite(tenantId, (await fx.instances.get(tenantId, 'DEV'))!, {
      status: 'SUSPENDED',
    });
    const notActive = await fx.call(
      'POST',
      `/v1.0/tenants/${tenantId}/sites/${suspended.siteId}/promote`,
      fx.admin.token,
      { targetEnvironment: 'SIT' },
    );
    expect(notActive.status).toBe(422);
    expect(notActive.body.error).toMatchObject({
      code: 'INVALID_SITE_STATE',
      details: { status: 'SUSPENDED' },
    });
    expect((await fx.storedSites(tenantId)).filter((stored) => stored.environment === 'SIT')).toHaveLength(1);
  });
});
