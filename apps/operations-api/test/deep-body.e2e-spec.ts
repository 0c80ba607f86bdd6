import { newId } from '@bbws/shared-util';
import { bodyRoutes, fillPath, nestedJson, type BodyRoute } from '@bbws/testing-e2e';
import { startOperationsApi, type OperationsApiFixture } from './operations-api.fixture';

/** A small body nested thousands of levels deep is refused before anything walks it, on every route that takes a body. */
describe('deeply nested request bodies (operations-api)', () => {
  let fx: OperationsApiFixture;
  let routes: BodyRoute[];
  let ids: Record<string, string>;
  let webhook: any;

  beforeAll(async () => {
    fx = await startOperationsApi();
    routes = await bodyRoutes(fx.api);
    const tenantId = newId('tenant');
    const operation = await fx.seedOperation({ tenantId });
    const created = await fx.api.request({
      method: 'POST',
      url: `/v1.0/tenants/${tenantId}/webhooks`,
      token: fx.admin.token,
      body: { url: 'http://127.0.0.1:9/hooks', events: ['site.created'], secret: 'a-secret-of-at-least-16' },
    });
    expect(created.status).toBe(201);
    webhook = created.body;
    ids = { tenantId, operationId: operation.operationId, webhookId: webhook.webhookId };
  });
  afterAll(() => fx.close());

  const send = (route: BodyRoute, rawBody: string) =>
    fx.api.request({ method: route.method, url: fillPath(route.path, ids), token: fx.admin.token, rawBody });

  it('answers 400 BODY_TOO_DEEP to a 10 KB body nested 5,000 levels on every body route, changing nothing', async () => {
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'POST /v1.0/tenants/{tenantId}/webhooks',
        'PATCH /v1.0/tenants/{tenantId}/webhooks/{webhookId}',
      ]),
    );
    const deep = nestedJson(5_000);
    const answers: Record<string, unknown> = {};
    for (const route of routes) {
      const response = await send(route, deep);
      answers[`${route.method} ${route.path}`] = `${response.status} ${response.body?.error?.code}`;
    }
    expect(answers).toEqual(
      Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, '400 BODY_TOO_DEEP'])),
    );

    const list = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${ids.tenantId}/webhooks`,
      token: fx.admin.token,
    });
    expect(list.body.items).toEqual([expect.objectContaining({ webhookId: webhook.webhookId, version: 1 })]);
    expect((await fx.operations.get(ids.operationId))?.status).toBe('PENDING');
  });

  it('lets 32 levels through to validation and refuses 33 in the parser stage', async () => {
    for (const route of routes) {
      const at = await send(route, nestedJson(32));
      expect([route.path, at.status < 500, at.body?.error?.code === 'BODY_TOO_DEEP']).toEqual([
        route.path,
        true,
        false,
      ]);
      const over = await send(route, nestedJson(33));
      expect([route.path, over.status, over.body?.error?.code]).toEqual([route.path, 400, 'BODY_TOO_DEEP']);
    }
  });
});
