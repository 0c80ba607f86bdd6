import { bodyRoutes, fillPath, nestedJson, type BodyRoute } from '@bbws/testing-e2e';
import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

/** A small body nested thousands of levels deep is refused before anything walks it, on every route that takes a body. */
describe('deeply nested request bodies (tenants-api)', () => {
  let fx: TenantsApiFixture;
  let tenant: any;
  let routes: BodyRoute[];

  beforeAll(async () => {
    fx = await startTenantsApi();
    tenant = await fx.createTenant();
    routes = await bodyRoutes(fx.api);
  });
  afterAll(() => fx.close());

  const send = (route: BodyRoute, rawBody: string) =>
    fx.api.request({
      method: route.method,
      url: fillPath(route.path, { tenantId: tenant.tenantId, userId: fx.admin.userId }),
      token: fx.admin.token,
      rawBody,
    });

  it('answers 400 BODY_TOO_DEEP to a 10 KB body nested 5,000 levels on every body route, changing nothing', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const deep = nestedJson(5_000);
    expect(deep.length).toBeGreaterThan(9_000);
    const answers: Record<string, unknown> = {};
    for (const route of routes) {
      const response = await send(route, deep);
      answers[`${route.method} ${route.path}`] = `${response.status} ${response.body?.error?.code}`;
    }
    expect(answers).toEqual(
      Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, '400 BODY_TOO_DEEP'])),
    );

    const after = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(after.body).toMatchObject({ version: 1, status: 'PENDING', metadata: tenant.metadata });
    const audit = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}/audit`,
      token: fx.admin.token,
    });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(['TENANT_CREATED']);
  });

  it('lets 32 levels through to validation and refuses 33 in the parser stage', async () => {
    for (const route of routes) {
      const at = await send(route, nestedJson(32));
      expect([route.path, at.body?.error?.code]).not.toEqual([route.path, 'BODY_TOO_DEEP']);
      expect(at.status).toBeLessThan(500);
      const over = await send(route, nestedJson(33));
      expect([route.path, over.status, over.body?.error?.code]).toEqual([route.path, 400, 'BODY_TOO_DEEP']);
    }
  });

  it('refuses the deepest body that fits the 256 KiB limit the same way', async () => {
    const deepest = nestedJson(130_000);
    expect(deepest.length).toBeLessThan(256 * 1024);
    const response = await send({ method: 'POST', path: '/v1.0/tenants' }, deepest);
    expect([response.status, response.body.error.code]).toEqual([400, 'BODY_TOO_DEEP']);
  });

  it('stores metadata nested exactly 32 levels deep (the body counts as level 1)', async () => {
    const fresh = await fx.createTenant();
    const response = await fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${fresh.tenantId}`,
      token: fx.admin.token,
      rawBody: `{"metadata":${nestedJson(31, 'deep')}}`,
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body.metadata)).toBe(nestedJson(31, 'deep'));
  });
});
