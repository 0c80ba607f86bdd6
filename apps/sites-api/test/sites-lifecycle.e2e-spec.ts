import { SitesFixture } from './sites-api.fixture';

describe('DELETE and PUT status of /v1.0/tenants/:tenantId/sites/:siteId', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  async function siteIn(
    overrides: Parameters<SitesFixture['storedSite']>[2] = {},
    environment: 'DEV' | 'PROD' = 'DEV',
  ) {
    const tenant = await fx.tenant();
    const instance = await fx.instance(tenant.tenantId, { environment });
    const site = await fx.storedSite(tenant.tenantId, instance, overrides);
    const url = `/v1.0/tenants/${tenant.tenantId}/sites/${site.siteId}`;
    return { tenantId: tenant.tenantId, site, url };
  }

  describe('DELETE', () => {
    it('puts the site DEPROVISIONING in the launch transaction and queues SITE_DELETION with force', async () => {
      for (const [query, force] of [
        ['', false],
        ['?force=true', true],
      ] as const) {
        const { tenantId, site, url } = await siteIn({}, 'PROD');
        const admin = await fx.member(tenantId, 'ADMIN');
        const response = await fx.call('DELETE', `${url}${query}`, admin.token, undefined, {
          'if-match': `"${site.version}"`,
        });
        expect(response.status).toBe(202);
        expect(response.body).toMatchObject({ type: 'SITE_DELETION', resourceId: site.siteId });
        expect(response.headers.location).toBe(`/v1.0/operations/${response.body.operationId}`);
        expect(await fx.sites.get(tenantId, site.siteId)).toMatchObject({
          status: 'DEPROVISIONING',
          version: site.version + 1,
        });
        expect(await fx.messagesFor('site-deletion', response.body.operationId)).toEqual([
          expect.objectContaining({
            messageType: 'SITE_DELETION',
            payload: { siteId: site.siteId, force },
          }),
        ]);
      }
    });

    it('deletes SUSPENDED and FAILED sites; others are 422 INVALID_SITE_STATE', async () => {
      for (const status of ['SUSPENDED', 'FAILED'] as const) {
        const { url } = await siteIn({ status });
        expect([status, (await fx.call('DELETE', url)).status]).toEqual([status, 202]);
      }
      for (const status of ['PROVISIONING', 'DEPROVISIONING', 'DELETED'] as const) {
        const { tenantId, site, url } = await siteIn({ status });
        const response = await fx.call('DELETE', url);
        expect([status, response.status]).toEqual([status, 422]);
        expect(response.body.error).toMatchObject({
          code: 'INVALID_SITE_STATE',
          details: { status, action: 'DELETE', allowedStatuses: ['ACTIVE', 'SUSPENDED', 'FAILED'] },
        });
        expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
      }
    });

    it('is for ADMINs: OPERATOR and VIEWER 403, non-members 404; bad input 400; stale If-Match 412', async () => {
      const { tenantId, site, url } = await siteIn();
      for (const role of ['OPERATOR', 'VIEWER'] as const) {
        const member = await fx.member(tenantId, role);
        const response = await fx.call('DELETE', url, member.token);
        expect([role, response.status]).toEqual([role, 403]);
        expect(response.body.error.details).toMatchObject({ requiredRoles: ['ADMIN'] });
      }
      const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
      expect((await fx.call('DELETE', url, outsider.token)).status).toBe(404);
      expect((await fx.call('DELETE', `${url}?force=yes`)).status).toBe(400);
      expect((await fx.call('DELETE', `${url}?purge=true`)).status).toBe(400);
      const stale = await fx.call('DELETE', url, fx.admin.token, undefined, { 'if-match': '"9"' });
      expect(stale.status).toBe(412);
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
    });
  });

  describe('PUT status', () => {
    it('suspends an ACTIVE site and resumes a SUSPENDED one with SITE_STATUS_CHANGE', async () => {
      const active = await siteIn();
      const suspend = await fx.call('PUT', `${active.url}/status`, fx.admin.token, {
        status: 'suspended',
        reason: 'Unpaid invoice',
      });
      expect(suspend.status).toBe(202);
      expect(suspend.body.type).toBe('SITE_STATUS_CHANGE');
      expect(await fx.messagesFor('site-update', suspend.body.operationId)).toEqual([
        expect.objectContaining({
          payload: { siteId: active.site.siteId, status: 'SUSPENDED', reason: 'Unpaid invoice' },
        }),
      ]);
      // The worker makes the move; the API left the status as it was.
      expect((await fx.sites.get(active.tenantId, active.site.siteId))?.status).toBe('ACTIVE');

      const suspended = await siteIn({ status: 'SUSPENDED' });
      const admin = await fx.member(suspended.tenantId, 'ADMIN');
      const resume = await fx.call('PUT', `${suspended.url}/status`, admin.token, { status: 'ACTIVE' });
      expect(resume.status).toBe(202);
      expect(await fx.messagesFor('site-update', resume.body.operationId)).toEqual([
        expect.objectContaining({ payload: { siteId: suspended.site.siteId, status: 'ACTIVE' } }),
      ]);
    });

    it('answers the same status and impossible moves with 422 INVALID_STATUS_TRANSITION', async () => {
      const cases = [
        ['ACTIVE', 'ACTIVE', ['SUSPENDED']],
        ['SUSPENDED', 'SUSPENDED', ['ACTIVE']],
        ['FAILED', 'ACTIVE', []],
        ['PROVISIONING', 'SUSPENDED', []],
      ] as const;
      for (const [status, requested, allowed] of cases) {
        const { tenantId, site, url } = await siteIn({ status });
        const response = await fx.call('PUT', `${url}/status`, fx.admin.token, { status: requested });
        expect([status, requested, response.status]).toEqual([status, requested, 422]);
        expect(response.body.error).toMatchObject({
          code: 'INVALID_STATUS_TRANSITION',
          details: { currentStatus: status, requestedStatus: requested, allowedTransitions: allowed },
        });
        expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);
      }
    });

    it('brings back a PROD site within its soft delete, not one past purgeAfter nor a DEV one', async () => {
      const future = new Date(Date.now() + 3600_000).toISOString();
      const soft = await siteIn({ status: 'DEPROVISIONING', purgeAfter: future }, 'PROD');
      const undelete = await fx.call('PUT', `${soft.url}/status`, fx.admin.token, { status: 'ACTIVE' });
      expect(undelete.status).toBe(202);
      expect(await fx.messagesFor('site-update', undelete.body.operationId)).toEqual([
        expect.objectContaining({ payload: { siteId: soft.site.siteId, status: 'ACTIVE' } }),
      ]);

      const past = new Date(Date.now() - 60_000).toISOString();
      for (const [overrides, environment] of [
        [{ status: 'DEPROVISIONING', purgeAfter: past }, 'PROD'],
        [{ status: 'DEPROVISIONING', purgeAfter: null }, 'PROD'],
        [{ status: 'DEPROVISIONING', purgeAfter: future }, 'DEV'],
      ] as const) {
        const gone = await siteIn(overrides, environment);
        const response = await fx.call('PUT', `${gone.url}/status`, fx.admin.token, { status: 'ACTIVE' });
        expect(response.status).toBe(422);
        expect(response.body.error).toMatchObject({
          code: 'INVALID_STATUS_TRANSITION',
          details: { currentStatus: 'DEPROVISIONING', allowedTransitions: [] },
        });
      }
    });

    it('is for ADMINs, validates the body, checks If-Match and refuses while an operation runs', async () => {
      const { tenantId, site, url } = await siteIn();
      const operator = await fx.member(tenantId, 'OPERATOR');
      expect((await fx.call('PUT', `${url}/status`, operator.token, { status: 'SUSPENDED' })).status).toBe(
        403,
      );
      const outsider = await fx.member((await fx.tenant()).tenantId, 'ADMIN');
      expect((await fx.call('PUT', `${url}/status`, outsider.token, { status: 'SUSPENDED' })).status).toBe(
        404,
      );
      for (const body of [
        {},
        { status: 'DELETED' },
        { status: 'SUSPENDED', reason: '' },
        { status: 'ACTIVE', x: 1 },
      ])
        expect([body, (await fx.call('PUT', `${url}/status`, fx.admin.token, body)).status]).toEqual([
          body,
          400,
        ]);
      const stale = await fx.call(
        'PUT',
        `${url}/status`,
        fx.admin.token,
        { status: 'SUSPENDED' },
        { 'if-match': '"5"' },
      );
      expect(stale.status).toBe(412);
      expect(await fx.sites.get(tenantId, site.siteId)).toEqual(site);

      const running = await fx.call('DELETE', url);
      expect(running.status).toBe(202);
      const busy = await fx.call('PUT', `${url}/status`, fx.admin.token, { status: 'SUSPENDED' });
      expect(busy.status).toBe(409);
      expect(busy.body.error).toMatchObject({
        code: 'OPERATION_IN_PROGRESS',
        details: { operationId: running.body.operationId, operationType: 'SITE_DELETION' },
      });
    });
  });
});
