import { newId } from '@bbws/shared-util';
import { SitesFixture } from './sites-api.fixture';

/** What GET .../health answers without reaching WordPress (the live check is in site-plugins.wp-spec.ts). */
describe('GET /v1.0/tenants/:tenantId/sites/:siteId/health', () => {
  let fx: SitesFixture;
  beforeAll(async () => {
    fx = await SitesFixture.start();
  });
  afterAll(() => fx?.close());

  it('is UNKNOWN with the reason for members when the site is not ACTIVE, and changes nothing', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const viewer = await fx.member(tenantId, 'VIEWER');
    for (const status of ['PROVISIONING', 'FAILED', 'SUSPENDED'] as const) {
      const site = await fx.storedSite(tenantId, instance, { status, healthStatus: 'HEALTHY' });
      const response = await fx.call('GET', `${collection}/${site.siteId}/health`, viewer.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'UNKNOWN',
        responseTimeMs: null,
        checkedAt: expect.any(String),
        checks: [{ name: 'site_status', status: 'WARN', message: expect.stringContaining(status) }],
      });
      expect(await fx.sites.get(tenantId, site.siteId)).toMatchObject({
        healthStatus: 'HEALTHY',
        version: 1,
      });
    }
  });

  it('is UNKNOWN naming the instance when the instance serving an ACTIVE site is not ACTIVE', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance({ status: 'SUSPENDED' });
    const site = await fx.storedSite(tenantId, instance, { wpSiteId: 4 });
    const response = await fx.call('GET', `${collection}/${site.siteId}/health`);
    expect(response.body).toMatchObject({
      status: 'UNKNOWN',
      checks: [{ name: 'instance', status: 'WARN', message: expect.stringContaining('SUSPENDED') }],
    });
  });

  it('is 404 for another tenant’s member and for an unknown site, 400 for a malformed id, 401 without a token', async () => {
    const { tenantId, instance, collection } = await fx.tenantWithInstance();
    const site = await fx.storedSite(tenantId, instance, { status: 'FAILED' });
    const other = await fx.tenantWithInstance();
    const outsider = await fx.member(other.tenantId, 'ADMIN');
    expect((await fx.call('GET', `${collection}/${site.siteId}/health`, outsider.token)).status).toBe(404);
    expect((await fx.call('GET', `${collection}/${newId('site')}/health`)).status).toBe(404);
    expect((await fx.call('GET', `${collection}/site-1/health`)).status).toBe(400);
    expect((await fx.call('GET', `${collection}/${site.siteId}/health`, '')).status).toBe(401);
  });
});
