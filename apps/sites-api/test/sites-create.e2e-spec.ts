import { uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('POST /v1.0/tenants/:tenantId/sites', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  it('answers 202 with the SITE_CREATION operation, the site PROVISIONING and its message on the creation queue', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance({ tier: 'PROFESSIONAL' });
    const operator = await fx.member(tenantId, 'OPERATOR');
    const template = await fx.template();
    const plugin = await fx.plugin();
    const subdomain = uniqueSubdomain();
    const response = await fx.call(
      'POST',
      collection,
      operator.token,
      {
        siteName: '  Acme shop ',
        subdomain: subdomain.toUpperCase(),
        templateId: template.templateId,
        plugins: [plugin.pluginId],
        adminEmail: 'owner@acme.test',
      },
      { 'x-request-id': 'req-site-1' },
    );
    expect(response.status).toBe(202);
    const { operationId, resourceId: siteId } = response.body;
    expect(response.body).toMatchObject({
      operationId: expect.stringMatching(/^op-/),
      tenantId,
      type: 'SITE_CREATION',
      status: 'PENDING',
      resourceType: 'site',
      resourceId: expect.stringMatching(/^site-[0-9a-f-]{36}$/),
      createdBy: operator.userId,
    });
    expect(response.headers.location).toBe(`/v1.0/operations/${operationId}`);
    expect(await fx.operations.get(operationId)).toMatchObject({ status: 'PENDING', sendCount: 1 });
    expect(await fx.creationMessagesFor(operationId)).toEqual([
      expect.objectContaining({
        messageType: 'SITE_CREATION',
        tenantId,
        resourceId: siteId,
        correlationId: 'req-site-1',
        payload: {
          siteId,
          siteName: 'Acme shop',
          subdomain,
          environment: 'DEV',
          instanceId: instance.instanceId,
          templateId: template.templateId,
          plugins: [plugin.pluginId],
          adminEmail: 'owner@acme.test',
        },
      }),
    ]);

    const stored = await fx.call('GET', `${collection}/${siteId}`, operator.token);
    expect(stored.status).toBe(200);
    expect(stored.headers.etag).toBe('"1"');
    expect(stored.body).toMatchObject({
      siteId,
      tenantId,
      instanceId: instance.instanceId,
      siteName: 'Acme shop',
      subdomain,
      siteUrl: `http://${subdomain}.dev.localhost:3000`,
      environment: 'DEV',
      status: 'PROVISIONING',
      templateId: template.templateId,
      wordpressVersion: '6.6',
      phpVersion: '8.2',
      healthStatus: 'UNKNOWN',
      wpSiteId: null,
      promotedFromSiteId: null,
      ownerId: operator.userId,
      createdBy: operator.userId,
      lastError: null,
      version: 1,
    });
    expect(stored.body._links).toEqual({
      self: { href: `${collection}/${siteId}` },
      status: { href: `${collection}/${siteId}/status` },
      collection: { href: collection },
      tenant: { href: `/v1.0/tenants/${tenantId}` },
      instance: { href: `/v1.0/tenants/${tenantId}/instances/${instance.instanceId}` },
      plugins: { href: `${collection}/${siteId}/plugins` },
      health: { href: `${collection}/${siteId}/health` },
      backups: { href: `${collection}/${siteId}/backups` },
      operation: { href: `/v1.0/operations/${operationId}` },
    });
    expect(await fx.sites.subdomainHolder(subdomain)).toEqual({ tenantId, siteId });
    expect(await fx.sites.countLive(tenantId, 'DEV')).toBe(1);
  });

  it('answers 422 INSTANCE_NOT_READY without an ACTIVE instance in the environment, storing nothing', async () => {
    const { tenantId, collection, instance } = await fx.tenantWithInstance({ status: 'PROVISIONING' });
    const notActive = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'A',
      subdomain: uniqueSubdomain(),
    });
    expect(notActive.status).toBe(422);
    expect(notActive.body.error).toMatchObject({
      code: 'INSTANCE_NOT_READY',
      details: { environment: 'DEV', instanceId: instance.instanceId, instanceStatus: 'PROVISIONING' },
    });
    const none = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'A',
      subdomain: uniqueSubdomain(),
      environment: 'sit',
    });
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({
      code: 'INSTANCE_NOT_READY',
      details: { environment: 'SIT', instanceId: null, instanceStatus: null },
    });
    expect(await fx.storedSites(tenantId)).toEqual([]);
  });

  it('answers 409 SUBDOMAIN_TAKEN for a subdomain another tenant holds', async () => {
    const first = await fx.tenantWithInstance();
    const second = await fx.tenantWithInstance();
    const subdomain = uniqueSubdomain();
    const created = await fx.call('POST', first.collection, fx.admin.token, { siteName: 'One', subdomain });
    expect(created.status).toBe(202);
    const taken = await fx.call('POST', second.collection, fx.admin.token, { siteName: 'Two', subdomain });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'SUBDOMAIN_TAKEN',
      details: { subdomain, heldBy: 'SITE' },
    });
    expect(await fx.storedSites(second.tenantId)).toEqual([]);
    expect(await fx.sites.countLive(second.tenantId, 'DEV')).toBe(0);

    // An instance's host name in the environment is taken too (its slug), in any tenant.
    const instanceHost = await fx.call('POST', second.collection, fx.admin.token, {
      siteName: 'Shadow',
      subdomain: first.instance.slug,
    });
    expect(instanceHost.status).toBe(409);
    expect(instanceHost.body.error).toMatchObject({
      code: 'SUBDOMAIN_TAKEN',
      details: { subdomain: first.instance.slug, heldBy: 'INSTANCE_HOST' },
    });
    expect(await fx.sites.subdomainHolder(first.instance.slug)).toBeNull();
  });

  it('answers 422 QUOTA_EXCEEDED with the quota once the tier’s sites exist', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance({ tier: 'STANDARD' });
    for (let i = 0; i < 5; i += 1) {
      const response = await fx.call('POST', collection, fx.admin.token, {
        siteName: `S${i}`,
        subdomain: uniqueSubdomain(),
      });
      expect(response.status).toBe(202);
    }
    const subdomain = uniqueSubdomain();
    const refused = await fx.call('POST', collection, fx.admin.token, { siteName: 'Sixth', subdomain });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { quota: 5, environment: 'DEV', count: 5 },
    });
    expect(await fx.sites.subdomainHolder(subdomain)).toBeNull();
    expect(await fx.storedSites(tenantId)).toHaveLength(5);
  });

  it('lets ADMIN and OPERATOR create, VIEWER gets 403, and PROD needs ADMIN', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    await fx.instance(tenantId, { environment: 'PROD' });
    const viewer = await fx.member(tenantId, 'VIEWER');
    const operator = await fx.member(tenantId, 'OPERATOR');
    const admin = await fx.member(tenantId, 'ADMIN');
    const refused = await fx.call('POST', collection, viewer.token, {
      siteName: 'V',
      subdomain: uniqueSubdomain(),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const prodByOperator = await fx.call('POST', collection, operator.token, {
      siteName: 'P',
      subdomain: uniqueSubdomain(),
      environment: 'PROD',
    });
    expect(prodByOperator.status).toBe(403);
    expect(prodByOperator.body.error.details).toMatchObject({
      requiredRoles: ['ADMIN'],
      environment: 'PROD',
    });
    expect(await fx.storedSites(tenantId)).toEqual([]);

    const prodByAdmin = await fx.call('POST', collection, admin.token, {
      siteName: 'P',
      subdomain: uniqueSubdomain(),
      environment: 'prod',
    });
    expect(prodByAdmin.status).toBe(202);
    const site = await fx.sites.get(tenantId, prodByAdmin.body.resourceId);
    expect(site).toMatchObject({ environment: 'PROD', ownerId: admin.userId });
    expect(site?.siteUrl).toMatch(/^http:\/\/[a-z0-9]+\.prod\.localhost:3000$/);
  });

  it('answers 422 TENANT_NOT_ACTIVE for a suspended tenant', async () => {
    const tenant = await fx.tenant('SUSPENDED');
    await fx.instance(tenant.tenantId);
    const response = await fx.call('POST', `/v1.0/tenants/${tenant.tenantId}/sites`, fx.admin.token, {
      siteName: 'S',
      subdomain: uniqueSubdomain(),
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'TENANT_NOT_ACTIVE',
      details: { tenantStatus: 'SUSPENDED' },
    });
    expect(await fx.storedSites(tenant.tenantId)).toEqual([]);
  });

  it('replays the same Idempotency-Key with one site, and refuses it with another body', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    const body = { siteName: 'Once', subdomain: uniqueSubdomain() };
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const first = await fx.call('POST', collection, fx.admin.token, body, headers);
    const again = await fx.call('POST', collection, fx.admin.token, body, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    const other = await fx.call('POST', collection, fx.admin.token, { ...body, siteName: 'Twice' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await fx.storedSites(tenantId)).toHaveLength(1);
  });

  it('answers 400 with field errors for bad input and stores nothing', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ subdomain: uniqueSubdomain() }, 'siteName'],
      [{ siteName: '', subdomain: uniqueSubdomain() }, 'siteName'],
      [{ siteName: 'x'.repeat(101), subdomain: uniqueSubdomain() }, 'siteName'],
      [{ siteName: 'A' }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'ab' }, 'subdomain'],
      [{ siteName: 'A', subdomain: '-abc' }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'abc-' }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'a_bc' }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'a'.repeat(64) }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'www' }, 'subdomain'],
      [{ siteName: 'A', subdomain: 'Admin' }, 'subdomain'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), environment: 'QA' }, 'environment'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), templateId: 'tpl-1' }, 'templateId'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), plugins: ['nope'] }, 'plugins'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), plugins: 'plg-x' }, 'plugins'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), adminEmail: 'not-an-email' }, 'adminEmail'],
      [{ siteName: 'A', subdomain: uniqueSubdomain(), owner: 'me' }, 'owner'],
    ];
    const plugin = 'plg-00000000-0000-4000-8000-000000000000';
    bad.push([{ siteName: 'A', subdomain: uniqueSubdomain(), plugins: [plugin, plugin] }, 'plugins']);
    for (const [body, field] of bad) {
      const response = await fx.call('POST', collection, fx.admin.token, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
      expect(response.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const malformedTenant = await fx.call('POST', '/v1.0/tenants/nope/sites', fx.admin.token, {
      siteName: 'A',
      subdomain: uniqueSubdomain(),
    });
    expect(malformedTenant.status).toBe(400);
    expect(await fx.storedSites(tenantId)).toEqual([]);
    expect(await fx.sites.countLive(tenantId, 'DEV')).toBe(0);
  });
});
