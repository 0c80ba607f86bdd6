import { newId } from '@bbws/shared-util';
import { startOperationsApi, type OperationsApiFixture } from './operations-api.fixture';

describe('webhooks API', () => {
  let fx: OperationsApiFixture;
  beforeAll(async () => {
    fx = await startOperationsApi();
  });
  afterAll(() => fx.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    url: 'http://127.0.0.1:9999/hooks',
    events: ['operation.completed', 'site.created'],
    secret: 'a-secret-of-at-least-16',
    ...overrides,
  });
  const create = (tenantId: string, payload: unknown = body(), token = fx.admin.token) =>
    fx.api.request({ method: 'POST', url: `/v1.0/tenants/${tenantId}/webhooks`, token, body: payload });

  it('creates a subscription (201, Location, ETag) and never returns its secret', async () => {
    const tenantId = newId('tenant');
    const admin = await fx.member(tenantId, 'ADMIN');
    const response = await create(tenantId, body({ description: 'CRM sync' }), admin.token);
    expect(response.status).toBe(201);
    const { webhookId } = response.body;
    expect(webhookId).toMatch(/^whk-[0-9a-f-]{36}$/);
    expect(response.body).toMatchObject({
      tenantId,
      url: 'http://127.0.0.1:9999/hooks',
      events: ['operation.completed', 'site.created'],
      description: 'CRM sync',
      status: 'ACTIVE',
      disabledReason: null,
      consecutiveFailures: 0,
      createdBy: admin.userId,
      version: 1,
    });
    expect(response.body).not.toHaveProperty('secret');
    expect(JSON.stringify(response.body)).not.toContain('a-secret-of-at-least-16');
    expect(response.headers.location).toBe(`/v1.0/tenants/${tenantId}/webhooks/${webhookId}`);
    expect(response.headers.etag).toBe('"1"');
    const read = await fx.api.request({
      method: 'GET',
      url: response.headers.location as string,
      token: admin.token,
    });
    expect(read.body).toEqual(response.body);
    expect(JSON.stringify(read.body)).not.toContain('a-secret');
    const list = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenantId}/webhooks`,
      token: admin.token,
    });
    expect(list.body.items.map((item: { webhookId: string }) => item.webhookId)).toEqual([webhookId]);
  });

  it.each([
    ['an unknown event', body({ events: ['site.exploded'] }), 'events'],
    ['no events', body({ events: [] }), 'events'],
    ['a short secret', body({ secret: 'short' }), 'secret'],
    ['no secret', { url: 'https://hooks.example.com/x', events: ['site.created'] }, 'secret'],
    ['a URL that is not one', body({ url: 'not a url' }), 'url'],
    ['an ftp URL', body({ url: 'ftp://hooks.example.com/x' }), 'url'],
    ['credentials in the URL', body({ url: 'https://user:pw@hooks.example.com/x' }), 'url'],
    ['an unknown field', body({ enabled: true }), 'enabled'],
  ])('rejects %s with 400 naming the field', async (_case, payload, field) => {
    const response = await create(newId('tenant'), payload);
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  });

  it('updates with If-Match, rotates the secret, disables and re-enables', async () => {
    const tenantId = newId('tenant');
    const { body: created } = await create(tenantId);
    const url = `/v1.0/tenants/${tenantId}/webhooks/${created.webhookId}`;
    const patch = (payload: unknown, headers: Record<string, string> = {}) =>
      fx.api.request({ method: 'PATCH', url, token: fx.admin.token, body: payload, headers });
    const updated = await patch(
      { events: ['tenant.status_changed'], secret: 'another-secret-0123456789' },
      { 'if-match': '"1"' },
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ events: ['tenant.status_changed'], version: 2 });
    expect((await fx.webhooks.get(tenantId, created.webhookId))?.secret).toBe('another-secret-0123456789');
    expect((await patch({ description: 'stale' }, { 'if-match': '"1"' })).status).toBe(412);
    const disabled = await patch({ enabled: false });
    expect(disabled.body).toMatchObject({
      status: 'DISABLED',
      disabledReason: `Disabled by ${fx.admin.userId}`,
    });
    const enabled = await patch({ enabled: true });
    expect(enabled.body).toMatchObject({ status: 'ACTIVE', disabledReason: null, consecutiveFailures: 0 });
  });

  it('deletes (204) and then answers 404', async () => {
    const tenantId = newId('tenant');
    const { body: created } = await create(tenantId);
    const url = `/v1.0/tenants/${tenantId}/webhooks/${created.webhookId}`;
    expect((await fx.api.request({ method: 'DELETE', url, token: fx.admin.token })).status).toBe(204);
    const gone = await fx.api.request({ method: 'GET', url, token: fx.admin.token });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('is for tenant ADMINs: an OPERATOR gets 403, a member of another tenant 404, even by id', async () => {
    const tenantId = newId('tenant');
    const { body: created } = await create(tenantId);
    const operator = await fx.member(tenantId, 'OPERATOR');
    expect((await create(tenantId, body(), operator.token)).status).toBe(403);
    const stranger = await fx.member(newId('tenant'), 'ADMIN');
    const url = `/v1.0/tenants/${tenantId}/webhooks/${created.webhookId}`;
    expect((await fx.api.request({ method: 'GET', url, token: stranger.token })).status).toBe(404);
    // Its own tenant id in the path does not reach another tenant's subscription either.
    const strangerTenant = newId('tenant');
    const owner = await fx.member(strangerTenant, 'ADMIN');
    const crossed = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${strangerTenant}/webhooks/${created.webhookId}`,
      token: owner.token,
    });
    expect(crossed.status).toBe(404);
  });

  it('lists the delivery log newest first, for the owning tenant only', async () => {
    const tenantId = newId('tenant');
    const { body: created } = await create(tenantId);
    for (const [index, status] of (['SUCCEEDED', 'FAILED'] as const).entries()) {
      const eventId = newId('evt');
      const createdAt = `2026-01-0${index + 1}T00:00:00.000Z`;
      await fx.deliveries.createIfAbsent({
        deliveryId: newId('dlv'),
        webhookId: created.webhookId,
        tenantId,
        eventId,
        eventType: 'operation.completed',
        event: {
          id: eventId,
          type: 'operation.completed',
          occurredAt: createdAt,
          tenantId,
          data: { operationId: 'op-x' },
        },
        status,
        attempts: [
          {
            attempt: 1,
            at: createdAt,
            statusCode: status === 'SUCCEEDED' ? 200 : 500,
            durationMs: 12,
            error: status === 'SUCCEEDED' ? null : 'HTTP 500',
          },
        ],
        nextAttemptAt: null,
        createdAt,
        completedAt: createdAt,
      });
    }
    const url = `/v1.0/tenants/${tenantId}/webhooks/${created.webhookId}/deliveries`;
    const response = await fx.api.request({ method: 'GET', url, token: fx.admin.token });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { status: string }) => item.status)).toEqual([
      'FAILED',
      'SUCCEEDED',
    ]);
    expect(response.body.items[0]).toMatchObject({
      eventType: 'operation.completed',
      attempts: [{ attempt: 1, statusCode: 500, error: 'HTTP 500' }],
      event: { type: 'operation.completed', data: { operationId: 'op-x' } },
    });
    const stranger = await fx.member(newId('tenant'), 'ADMIN');
    expect((await fx.api.request({ method: 'GET', url, token: stranger.token })).status).toBe(404);
  });
});

describe('webhooks API in a cloud stage', () => {
  let fx: OperationsApiFixture;
  beforeAll(async () => {
    // A cloud stage's policy, with the test engines and token issuer (a cloud config needs an https JWKS).
    fx = await startOperationsApi({}, { stage: 'dev' });
  });
  afterAll(() => fx.close());

  const create = (url: string) =>
    fx.api.request({
      method: 'POST',
      url: `/v1.0/tenants/${newId('tenant')}/webhooks`,
      token: fx.admin.token,
      body: { url, events: ['site.created'], secret: 'a-secret-of-at-least-16' },
    });

  it.each([
    ['plain http', 'http://93.184.216.34/hooks', 'must use https:'],
    ['loopback', 'https://127.0.0.1/hooks', 'must not point at private'],
    ['localhost', 'https://localhost:8443/hooks', 'must not point at this machine'],
    ['a private network', 'https://10.1.2.3/hooks', 'must not point at private'],
    ['the metadata service', 'https://169.254.169.254/latest/meta-data', 'must not point at private'],
    ['IPv6 loopback', 'https://[::1]/hooks', 'must not point at private'],
    ['an IPv4-mapped private address', 'https://[::ffff:192.168.1.1]/hooks', 'must not point at private'],
    ['a host that does not resolve', 'https://no-such-host.invalid/hooks', 'does not resolve'],
  ])('refuses %s', async (_case, url, message) => {
    const response = await create(url);
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0]).toEqual({
      field: 'url',
      messages: [expect.stringContaining(message)],
    });
  });

  it('accepts an https URL on a public address', async () => {
    expect((await create('https://93.184.216.34/hooks')).status).toBe(201);
  });
});
