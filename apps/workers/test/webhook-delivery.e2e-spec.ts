import { newId } from '@bbws/shared-util';
import { eventually, pause } from '@bbws/testing-engines';
import { startReceiver, startWorkersApp, type Receiver, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(30_000);

/** After what was awaited arrived, how long nothing else may arrive. */
const QUIET_MS = 500;

describe('workers: webhook delivery (bbws-webhooks)', () => {
  let fx: WorkersAppFixture;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    fx = await startWorkersApp({
      WORKERS: 'webhooks',
      WEBHOOK_DISABLE_AFTER_FAILURES: '4',
      WEBHOOK_RETRY_WINDOW_SECONDS: '20',
    });
  });
  afterAll(async () => {
    await fx.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  const receiver = async (answers: number[]) => {
    const started = await startReceiver(answers);
    receivers.push(started);
    return started;
  };
  const publish = (tenantId: string) =>
    fx.events.publish({
      tenantId,
      type: 'operation.failed',
      correlationId: newId('evt'),
      data: { operationId: newId('op') },
    });
  const deliveryOf = async (webhookId: string, done: (status: string) => boolean) =>
    eventually(async () => {
      const page = await fx.deliveries.listByWebhook(webhookId, { pageSize: 10 });
      return page.items[0] && done(page.items[0].status) ? page.items[0] : undefined;
    }, 20_000);

  it('retries a failing receiver with backoff and logs every attempt until it succeeds', async () => {
    const tenant = await fx.seedTenant();
    const flaky = await receiver([500, 503, 200]);
    const webhook = await fx.seedWebhook(tenant.tenantId, flaky.url, ['operation.failed']);
    await publish(tenant.tenantId);
    const delivery = await deliveryOf(webhook.webhookId, (status) => status === 'SUCCEEDED');
    expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(delivery.attempts.map((attempt) => attempt.error)).toEqual(['HTTP 500', 'HTTP 503', null]);
    expect(delivery.completedAt).toEqual(expect.any(String));
    expect(Date.parse(delivery.attempts[1].at) - Date.parse(delivery.attempts[0].at)).toBeGreaterThanOrEqual(
      400,
    );
    expect(flaky.requests).toHaveLength(3);
    // Every attempt of one delivery carries the same delivery id, so receivers can drop duplicates.
    expect(new Set(flaky.requests.map((request) => request.headers['x-bbws-delivery'])).size).toBe(1);
    expect(await fx.webhooks.get(tenant.tenantId, webhook.webhookId)).toMatchObject({
      status: 'ACTIVE',
      consecutiveFailures: 0,
      lastSuccessAt: expect.any(String),
    });
  });

  it('disables a subscription after repeated consecutive failures and stops delivering to it', async () => {
    const tenant = await fx.seedTenant();
    const down = await receiver([500]);
    const webhook = await fx.seedWebhook(tenant.tenantId, down.url, ['operation.failed']);
    await publish(tenant.tenantId);
    const delivery = await deliveryOf(webhook.webhookId, (status) => status === 'FAILED');
    expect(delivery.attempts).toHaveLength(4);
    expect(await fx.webhooks.get(tenant.tenantId, webhook.webhookId)).toMatchObject({
      status: 'DISABLED',
      consecutiveFailures: 4,
      disabledReason: 'Disabled after 4 consecutive failed deliveries',
    });
    // A subscription still active on the same event shows the next event was fanned out.
    const witness = await receiver([200]);
    await fx.seedWebhook(tenant.tenantId, witness.url, ['operation.failed']);
    await publish(tenant.tenantId);
    await eventually(async () => witness.requests.length === 1);
    await pause(QUIET_MS);
    expect(down.requests).toHaveLength(4);
  });

  it('only delivers the events a subscription asked for, to the tenant that owns it', async () => {
    const tenant = await fx.seedTenant();
    const other = await fx.seedTenant();
    const target = await receiver([200]);
    const wanted = await fx.seedWebhook(tenant.tenantId, target.url, ['operation.failed']);
    await fx.seedWebhook(tenant.tenantId, target.url, ['site.created']);
    // The other tenant's own subscription shows its event was fanned out (to it, not to this tenant).
    const otherTarget = await receiver([200]);
    await fx.seedWebhook(other.tenantId, otherTarget.url, ['operation.failed']);
    await publish(other.tenantId);
    await publish(tenant.tenantId);
    await deliveryOf(wanted.webhookId, (status) => status === 'SUCCEEDED');
    await eventually(async () => otherTarget.requests.length === 1);
    await pause(QUIET_MS);
    expect(target.requests).toHaveLength(1);
    expect(JSON.parse(target.requests[0].body)).toMatchObject({
      type: 'operation.failed',
      tenantId: tenant.tenantId,
    });
  });

  it('runs only the workers named in WORKERS', async () => {
    const ready = await fx.api.request({ method: 'GET', url: '/ready' });
    expect(
      ready.body.checks
        .map((check: { name: string }) => check.name)
        .filter((name: string) => name.startsWith('queue:')),
    ).toEqual(['queue:webhooks']);
  });

  it('gives a delivery up as FAILED when its retry window (24 h by default) closes', async () => {
    await fx.stopApp();
    await fx.startApp({ WEBHOOK_RETRY_WINDOW_SECONDS: '2' });
    const tenant = await fx.seedTenant();
    const down = await receiver([503]);
    const webhook = await fx.seedWebhook(tenant.tenantId, down.url, ['operation.failed']);
    await publish(tenant.tenantId);
    const delivery = await deliveryOf(webhook.webhookId, (status) => status === 'FAILED');
    expect(delivery.attempts.length).toBeGreaterThanOrEqual(1);
    expect(delivery.attempts.length).toBeLessThan(4);
    expect(delivery.nextAttemptAt).toBeNull();
    expect((await fx.webhooks.get(tenant.tenantId, webhook.webhookId))?.status).toBe('ACTIVE');
  });
});
