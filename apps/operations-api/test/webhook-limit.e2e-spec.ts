import { newId } from '@bbws/shared-util';
import { startOperationsApi, type OperationsApiFixture } from './operations-api.fixture';

describe('POST /v1.0/tenants/:tenantId/webhooks: at most 20 per tenant', () => {
  let fx: OperationsApiFixture;
  beforeAll(async () => {
    fx = await startOperationsApi();
  });
  afterAll(() => fx.close());

  const create = (tenantId: string) =>
    fx.api.request({
      method: 'POST',
      url: `/v1.0/tenants/${tenantId}/webhooks`,
      token: fx.admin.token,
      body: {
        url: 'http://127.0.0.1:9999/hooks',
        events: ['site.created'],
        secret: 'a-secret-of-at-least-16',
      },
    });
  const stored = async (tenantId: string) => (await fx.webhooks.listAllByTenant(tenantId)).length;

  it('holds under 25 parallel creates: exactly 20 created, 5 refused with 422 WEBHOOK_LIMIT', async () => {
    const tenantId = newId('tenant');
    const responses = await Promise.all(Array.from({ length: 25 }, () => create(tenantId)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(20).fill(201), ...Array(5).fill(422)]);
    for (const refused of responses.filter((response) => response.status === 422))
      expect(refused.body.error).toMatchObject({ code: 'WEBHOOK_LIMIT', details: { limit: 20 } });
    expect(await stored(tenantId)).toBe(20);
  });

  it('frees a slot when a subscription is deleted', async () => {
    const tenantId = newId('tenant');
    const created = [];
    for (let i = 0; i < 20; i += 1) created.push((await create(tenantId)).body.webhookId as string);
    expect((await create(tenantId)).status).toBe(422);
    const deleted = await fx.api.request({
      method: 'DELETE',
      url: `/v1.0/tenants/${tenantId}/webhooks/${created[0]}`,
      token: fx.admin.token,
    });
    expect(deleted.status).toBe(204);
    expect((await create(tenantId)).status).toBe(201);
    expect((await create(tenantId)).status).toBe(422);
    expect(await stored(tenantId)).toBe(20);
  });
});
