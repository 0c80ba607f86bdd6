import { buildSite, uniqueSubdomain } from '@bbws/testing-sites';
import { SitesFixture } from './sites-api.fixture';

describe('reading sites: list, get, status, and who may see them', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  /** A site stored directly in `status`, with no operation on it. */
  async function storedSite(
    tenantId: string,
    instanceId: string,
    overrides: Parameters<typeof buildSite>[0] = {},
  ) {
    const site = buildSite({ tenantId, instanceId, ...overrides });
    await fx.sites.create(site, 100);
    return site;
  }

  it('lists the tenant’s sites filtered by environment and status, in pages whose links keep the filters', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance({ tier: 'ENTERPRISE' });
    const sit = await fx.instance(tenantId, { environment: 'SIT' });
    const devActive = [];
    for (let i = 0; i < 5; i += 1)
      devActive.push(await storedSite(tenantId, instance.instanceId, { status: 'ACTIVE' }));
    const devFailed = await storedSite(tenantId, instance.instanceId, { status: 'FAILED' });
    const sitActive = await storedSite(tenantId, sit.instanceId, { status: 'ACTIVE', environment: 'SIT' });

    const all = await fx.call('GET', collection);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: 7, moreAvailable: false, nextStartAt: null });
    expect(all.body._links).toEqual({
      self: { href: `${collection}?pageSize=20` },
      create: { href: collection, method: 'POST' },
    });

    const failed = await fx.call('GET', `${collection}?status=failed`);
    expect(failed.body.items.map((item: any) => item.siteId)).toEqual([devFailed.siteId]);
    const sitOnly = await fx.call('GET', `${collection}?environment=SIT`);
    expect(sitOnly.body.items.map((item: any) => item.siteId)).toEqual([sitActive.siteId]);

    const seen: string[] = [];
    let next: string | undefined = `${collection}?environment=DEV&status=ACTIVE&pageSize=2`;
    let pages = 0;
    while (next) {
      const page: any = await fx.call('GET', next);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const item of page.body.items) expect([item.environment, item.status]).toEqual(['DEV', 'ACTIVE']);
      seen.push(...page.body.items.map((item: any) => item.siteId));
      if (page.body.moreAvailable) {
        expect(page.body._links.next.href).toMatch(/environment=DEV&status=ACTIVE&pageSize=2&startAt=/);
        expect(page.body.nextStartAt).toEqual(expect.any(String));
      }
      next = page.body._links.next?.href;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(devActive.map((site) => site.siteId).sort());

    const forged = await fx.call('GET', `${collection}?startAt=forged-cursor`);
    expect(forged.status).toBe(400);
    for (const query of ['pageSize=0', 'pageSize=101', 'status=GONE', 'environment=QA', 'colour=red']) {
      const response = await fx.call('GET', `${collection}?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
    }
  });

  it('shows members the site without the create link for VIEWERs, with ETag and no operation link when idle', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const site = await storedSite(tenantId, instance.instanceId, { status: 'ACTIVE' });
    const viewer = await fx.member(tenantId, 'VIEWER');
    const view = await fx.call('GET', `${collection}/${site.siteId}`, viewer.token);
    expect(view.status).toBe(200);
    expect(view.headers.etag).toBe(`"${site.version}"`);
    expect(view.body).toMatchObject({ siteId: site.siteId, status: 'ACTIVE', subdomain: site.subdomain });
    expect(Object.keys(view.body._links).sort()).toEqual([
      'backups',
      'collection',
      'health',
      'instance',
      'plugins',
      'self',
      'status',
      'tenant',
    ]);
    const list = await fx.call('GET', collection, viewer.token);
    expect(list.status).toBe(200);
    expect(list.body._links).not.toHaveProperty('create');
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await fx.call('GET', collection, operator.token)).body._links.create).toEqual({
      href: collection,
      method: 'POST',
    });

    const status = await fx.call('GET', `${collection}/${site.siteId}/status`, viewer.token);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      siteId: site.siteId,
      status: 'ACTIVE',
      healthStatus: 'UNKNOWN',
      lastError: null,
      operation: null,
      updatedAt: site.updatedAt,
      _links: {
        self: { href: `${collection}/${site.siteId}/status` },
        site: { href: `${collection}/${site.siteId}` },
      },
    });
  });

  it('reports the running operation’s progress on the status route while it runs', async () => {
    const { tenantId, collection } = await fx.tenantWithInstance();
    const created = await fx.call('POST', collection, fx.admin.token, {
      siteName: 'S',
      subdomain: uniqueSubdomain(),
    });
    const { operationId, resourceId: siteId } = created.body;
    await fx.operations.claim(operationId, 'worker-1', 60_000);
    await fx.operations.saveProgress(
      operationId,
      'worker-1',
      {
        steps: [
          { name: 'create-network-site', status: 'COMPLETED', startedAt: null, completedAt: null },
          { name: 'apply-template', status: 'IN_PROGRESS', startedAt: null, completedAt: null },
        ],
        currentStep: 'apply-template',
        progress: 50,
        message: 'Applying the template',
      },
      60_000,
    );
    const status = await fx.call('GET', `${collection}/${siteId}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      siteId,
      status: 'PROVISIONING',
      operation: {
        operationId,
        type: 'SITE_CREATION',
        status: 'IN_PROGRESS',
        progress: 50,
        currentStep: 'apply-template',
        message: 'Applying the template',
      },
    });
    expect(status.body._links.operation).toEqual({ href: `/v1.0/operations/${operationId}` });
    expect((await fx.call('GET', `${collection}/${siteId}`)).body._links.operation).toEqual({
      href: `/v1.0/operations/${operationId}`,
    });
    expect(await fx.storedSites(tenantId)).toHaveLength(1);
  });

  it('answers 404 to non-members on every route, and for a site reached through another tenant', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const site = await storedSite(tenantId, instance.instanceId, { status: 'ACTIVE' });
    const other = await fx.tenantWithInstance();
    const outsider = await fx.member(other.tenantId, 'ADMIN');
    for (const [method, path, body] of [
      ['GET', collection, undefined],
      ['GET', `${collection}/${site.siteId}`, undefined],
      ['GET', `${collection}/${site.siteId}/status`, undefined],
      ['POST', collection, { siteName: 'Sneaky', subdomain: uniqueSubdomain() }],
    ] as const) {
      const response = await fx.call(method, path, outsider.token, body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
      expect(JSON.stringify(response.body)).not.toContain(site.subdomain);
    }
    const crossTenant = await fx.call('GET', `${other.collection}/${site.siteId}`, outsider.token);
    expect(crossTenant.status).toBe(404);
    expect(crossTenant.body.error.code).toBe('SITE_NOT_FOUND');
    expect((await fx.call('GET', `${other.collection}/${site.siteId}/status`, outsider.token)).status).toBe(
      404,
    );
    expect((await fx.call('GET', `${collection}/inst-1`)).status).toBe(400);
    expect(await fx.storedSites(tenantId)).toHaveLength(1);
  });
});
