import {
  MESSAGES,
  verifyWebhookSignature,
  type TenantLifecycleRequestedPayload,
} from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { startReceiver, startWorkersApp, type Receiver, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(30_000);

describe('workers: tenant lifecycle operations (bbws-tenant-events)', () => {
  let fx: WorkersAppFixture;
  let receiver: Receiver;

  beforeAll(async () => {
    fx = await startWorkersApp();
    receiver = await startReceiver([200]);
  });
  afterAll(async () => {
    await fx.close();
    await receiver.close();
  });

  const launch = (tenantId: string, payload: TenantLifecycleRequestedPayload) =>
    fx.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: `TENANT_${payload.action}`,
      tenantId,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: 'admin-1',
      correlationId: newId('evt'),
      payload,
    });
  const finished = (operationId: string) =>
    eventually(async () => {
      const operation = await fx.operations.get(operationId);
      return operation && ['COMPLETED', 'FAILED'].includes(operation.status) ? operation : undefined;
    });

  it('suspends the tenant in steps with progress, an audit event and a released lock', async () => {
    const tenant = await fx.seedTenant();
    const reason = 'Unpaid invoices for three months';
    const operation = await launch(tenant.tenantId, {
      action: 'SUSPEND',
      fromStatus: 'ACTIVE',
      toStatus: 'SUSPENDED',
      reason,
    });
    const done = await finished(operation.operationId);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      type: 'TENANT_SUSPEND',
      progress: 100,
      result: { tenantId: tenant.tenantId, status: 'SUSPENDED', instanceOperations: [] },
      error: null,
      attempts: 1,
    });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['check-tenant', 'COMPLETED'],
      ['suspend-instances', 'COMPLETED'],
      ['change-tenant-status', 'COMPLETED'],
      ['notify', 'COMPLETED'],
    ]);
    expect(await fx.tenants.get(tenant.tenantId)).toMatchObject({
      status: 'SUSPENDED',
      statusReason: reason,
      version: 2,
      updatedBy: 'admin-1',
    });
    const audit = await fx.tenants.listAudit(tenant.tenantId, { pageSize: 10 });
    expect(audit.items[0]).toMatchObject({
      action: 'TENANT_SUSPENDED',
      actor: 'admin-1',
      beforeStatus: 'ACTIVE',
      afterStatus: 'SUSPENDED',
      reason,
      details: { operationId: operation.operationId },
    });
    expect(await fx.operations.activeOperationId(tenant.tenantId)).toBeNull();
  });

  it('resumes a suspended tenant and clears its status reason', async () => {
    const tenant = await fx.seedTenant({ status: 'SUSPENDED', statusReason: 'Unpaid invoices for months' });
    const operation = await launch(tenant.tenantId, {
      action: 'RESUME',
      fromStatus: 'SUSPENDED',
      toStatus: 'ACTIVE',
    });
    expect((await finished(operation.operationId)).status).toBe('COMPLETED');
    expect(await fx.tenants.get(tenant.tenantId)).toMatchObject({ status: 'ACTIVE', statusReason: null });
  });

  it('fails with INVALID_STATUS_TRANSITION when the tenant moved on after the request was accepted', async () => {
    const tenant = await fx.seedTenant({ status: 'PARKED' });
    const operation = await launch(tenant.tenantId, {
      action: 'SUSPEND',
      fromStatus: 'ACTIVE',
      toStatus: 'SUSPENDED',
      reason: 'Abuse reported by a third party',
    });
    const done = await finished(operation.operationId);
    expect(done).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: { code: 'INVALID_STATUS_TRANSITION', retryable: false },
    });
    expect(done.steps[0]).toMatchObject({ name: 'check-tenant', status: 'FAILED' });
    expect((await fx.tenants.get(tenant.tenantId))?.status).toBe('PARKED');
  });

  it('delivers tenant.status_changed and operation.completed to a subscribed receiver, signed', async () => {
    const tenant = await fx.seedTenant();
    const webhook = await fx.seedWebhook(tenant.tenantId, receiver.url, [
      'tenant.status_changed',
      'operation.completed',
    ]);
    const before = receiver.requests.length;
    const operation = await launch(tenant.tenantId, {
      action: 'PARK',
      fromStatus: 'ACTIVE',
      toStatus: 'PARKED',
      reason: 'Seasonal business, off until spring',
    });
    await finished(operation.operationId);
    const requests = await eventually(async () => {
      const mine = receiver.requests
        .slice(before)
        .filter((request) => JSON.parse(request.body).tenantId === tenant.tenantId);
      return mine.length >= 2 ? mine : undefined;
    });
    const bodies = requests.map((request) => JSON.parse(request.body));
    expect(bodies.map((body) => body.type).sort()).toEqual(['operation.completed', 'tenant.status_changed']);
    expect(bodies.find((body) => body.type === 'tenant.status_changed')).toMatchObject({
      id: expect.stringMatching(/^evt-/),
      tenantId: tenant.tenantId,
      data: {
        tenantId: tenant.tenantId,
        previousStatus: 'ACTIVE',
        status: 'PARKED',
        operationId: operation.operationId,
      },
    });
    expect(bodies.find((body) => body.type === 'operation.completed')).toMatchObject({
      data: {
        operationId: operation.operationId,
        type: 'TENANT_PARK',
        status: 'COMPLETED',
        result: { status: 'PARKED' },
      },
    });
    for (const request of requests) {
      const signature = request.headers['x-bbws-signature'] as string;
      expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(
        verifyWebhookSignature(
          webhook.secret,
          { signature, timestamp: request.headers['x-bbws-timestamp'] as string },
          request.body,
        ),
      ).toBe(true);
      expect(
        verifyWebhookSignature(
          'another-secret-entirely',
          { signature, timestamp: request.headers['x-bbws-timestamp'] as string },
          request.body,
        ),
      ).toBe(false);
      expect(request.headers['x-bbws-delivery']).toMatch(/^dlv-/);
      expect(request.headers['content-type']).toBe('application/json');
    }
    // The worker records the outcome after the receiver has answered: wait for both log entries.
    const log = await eventually(async () => {
      const page = await fx.deliveries.listByWebhook(webhook.webhookId, { pageSize: 10 });
      return page.items.length === 2 && page.items.every((delivery) => delivery.status !== 'PENDING')
        ? page
        : undefined;
    });
    expect(
      log.items.every(
        (delivery) => delivery.status === 'SUCCEEDED' && delivery.attempts[0].statusCode === 200,
      ),
    ).toBe(true);
  });

  it('answers /health and /ready', async () => {
    expect((await fx.api.request({ method: 'GET', url: '/health' })).status).toBe(200);
    const ready = await fx.api.request({ method: 'GET', url: '/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((check: { name: string }) => check.name)).toEqual(
      expect.arrayContaining(['queue:tenant-events', 'queue:webhooks']),
    );
  });
});
