import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { LimitReachedError, VersionConflictError } from '@bbws/shared-errors';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildWebhook, buildWebhookDelivery } from '@bbws/testing-operation-factories';
import { WebhookDeliveryDao } from './webhook-delivery.dao';
import { WebhookDao } from './webhook.dao';
import { toWebhookItem } from './webhook.mapper';

const db = testDynamoContext();
const webhooks = new WebhookDao(db);
const deliveries = new WebhookDeliveryDao(db, { retentionDays: 30 });

describe('WebhookDao', () => {
  it("keeps subscriptions under their tenant: another tenant's id does not reach them", async () => {
    const webhook = buildWebhook();
    await webhooks.create(webhook, 20);
    expect(await webhooks.get(webhook.tenantId, webhook.webhookId)).toEqual(webhook);
    expect(await webhooks.get(newId('tenant'), webhook.webhookId)).toBeNull();
    expect(await webhooks.countByTenant(webhook.tenantId)).toBe(1);
  });

  it('updates on the version read and refuses a stale one with 412', async () => {
    const webhook = buildWebhook();
    await webhooks.create(webhook, 20);
    const updated = await webhooks.update(webhook, 1, { events: ['site.created'] }, 'admin');
    expect(updated).toMatchObject({ version: 2, events: ['site.created'], updatedBy: 'admin' });
    await expect(webhooks.update(webhook, 1, { description: 'late' }, 'admin')).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    await expect(webhooks.delete(webhook, 1)).rejects.toBeInstanceOf(VersionConflictError);
    await webhooks.delete(webhook, 2);
    expect(await webhooks.get(webhook.tenantId, webhook.webhookId)).toBeNull();
  });

  it('keeps the limit for a tenant whose subscriptions predate the counter (counted once)', async () => {
    const tenantId = newId('tenant');
    for (let i = 0; i < 2; i += 1) {
      const legacy = buildWebhook({ tenantId });
      await db.client.send(new PutCommand({ TableName: db.tables.operations, Item: toWebhookItem(legacy) }));
    }
    await webhooks.create(buildWebhook({ tenantId }), 3);
    await expect(webhooks.create(buildWebhook({ tenantId }), 3)).rejects.toBeInstanceOf(LimitReachedError);
    expect(await webhooks.countByTenant(tenantId)).toBe(3);
  });

  it('frees a slot only when a delete happens: a stale delete leaves the count alone', async () => {
    const first = buildWebhook();
    await webhooks.create(first, 1);
    await expect(webhooks.delete(first, 7)).rejects.toBeInstanceOf(VersionConflictError);
    await expect(webhooks.create(buildWebhook({ tenantId: first.tenantId }), 1)).rejects.toMatchObject({
      what: 'WEBHOOKS',
      limit: 1,
    });
    await webhooks.delete(first, 1);
    await webhooks.create(buildWebhook({ tenantId: first.tenantId }), 1);
    expect(await webhooks.countByTenant(first.tenantId)).toBe(1);
  });

  it('counts consecutive failures, disables at the threshold, and a success resets the streak', async () => {
    const webhook = buildWebhook();
    await webhooks.create(webhook, 20);
    const at = new Date().toISOString();
    expect(await webhooks.recordFailure(webhook.tenantId, webhook.webhookId, at, 3)).toEqual({
      disabled: false,
    });
    await webhooks.recordSuccess(webhook.tenantId, webhook.webhookId, at);
    expect((await webhooks.get(webhook.tenantId, webhook.webhookId))?.consecutiveFailures).toBe(0);
    for (let i = 0; i < 2; i += 1) await webhooks.recordFailure(webhook.tenantId, webhook.webhookId, at, 3);
    expect(await webhooks.recordFailure(webhook.tenantId, webhook.webhookId, at, 3)).toEqual({
      disabled: true,
    });
    expect(await webhooks.get(webhook.tenantId, webhook.webhookId)).toMatchObject({
      status: 'DISABLED',
      consecutiveFailures: 3,
      disabledReason: 'Disabled after 3 consecutive failed deliveries',
      lastSuccessAt: at,
      version: 2,
    });
  });
});

describe('WebhookDeliveryDao', () => {
  it('creates a delivery once, appends attempts, and lists newest first', async () => {
    const webhook = buildWebhook();
    const older = buildWebhookDelivery(webhook, {}, new Date('2026-01-01T00:00:00.000Z'));
    const newer = buildWebhookDelivery(webhook, {}, new Date('2026-01-02T00:00:00.000Z'));
    expect(await deliveries.createIfAbsent(older)).toBe(true);
    expect(await deliveries.createIfAbsent(older)).toBe(false);
    await deliveries.createIfAbsent(newer);
    await deliveries.recordAttempt(
      older,
      { attempt: 1, at: '2026-01-01T00:00:01.000Z', statusCode: 500, durationMs: 5, error: 'HTTP 500' },
      { status: 'RETRYING', nextAttemptAt: '2026-01-01T00:01:00.000Z' },
    );
    await deliveries.recordAttempt(
      older,
      { attempt: 2, at: '2026-01-01T00:01:00.000Z', statusCode: 200, durationMs: 4, error: null },
      { status: 'SUCCEEDED', nextAttemptAt: null },
    );
    const page = await deliveries.listByWebhook(webhook.webhookId, { pageSize: 10 });
    expect(page.items.map((delivery) => delivery.deliveryId)).toEqual([newer.deliveryId, older.deliveryId]);
    expect(page.items[1]).toMatchObject({
      status: 'SUCCEEDED',
      completedAt: '2026-01-01T00:01:00.000Z',
      nextAttemptAt: null,
    });
    expect(page.items[1].attempts.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
  });
});
