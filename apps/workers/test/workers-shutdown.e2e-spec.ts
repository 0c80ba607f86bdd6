import { MESSAGES } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import type { TenantInstancesLifecycle } from '../src/tenant-events/tenant-instances.port';
import { eventually, pause } from '@bbws/testing-engines';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(30_000);

/** The instance fan-out, standing in for the instances feature: slow, and counting what it did. */
class SlowInstances implements TenantInstancesLifecycle {
  readonly applied: string[] = [];
  readonly started: string[] = [];
  stepName(action: string): string {
    return `${action.toLowerCase()}-instances`;
  }
  async apply(tenantId: string, _action: string, context: { signal: AbortSignal }): Promise<void> {
    this.started.push(tenantId);
    await pause(1500, context.signal);
    this.applied.push(tenantId);
  }
}

describe('workers app shutdown (SIGTERM closes the app, which drains the consumers)', () => {
  let fx: WorkersAppFixture;
  const instances = new SlowInstances();

  beforeAll(async () => {
    fx = await startWorkersApp({}, { tenantInstances: instances });
  });
  afterAll(() => fx.close());

  const suspend = async () => {
    const tenant = await fx.seedTenant();
    const operation = await fx.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: 'TENANT_SUSPEND',
      tenantId: tenant.tenantId,
      resourceType: 'tenant',
      resourceId: tenant.tenantId,
      createdBy: 'admin-1',
      correlationId: newId('evt'),
      payload: {
        action: 'SUSPEND',
        fromStatus: 'ACTIVE',
        toStatus: 'SUSPENDED',
        reason: 'Unpaid invoices for months',
      },
    });
    await eventually(
      async () => (await fx.operations.get(operation.operationId))?.currentStep === 'suspend-instances',
    );
    return { tenant, operation };
  };
  const completed = (operationId: string) =>
    eventually(async () => {
      const operation = await fx.operations.get(operationId);
      return operation?.status === 'COMPLETED' ? operation : undefined;
    });

  it('plans the fan-out step the instances feature registers, between the check and the status change', async () => {
    const { tenant, operation } = await suspend();
    const done = await completed(operation.operationId);
    expect(done.steps.map((step) => step.name)).toEqual([
      'check-tenant',
      'suspend-instances',
      'change-tenant-status',
      'notify',
    ]);
    expect(instances.applied).toContain(tenant.tenantId);
  });

  it('finishes an operation in flight when it fits in the drain time', async () => {
    const { operation } = await suspend();
    await fx.stopApp();
    expect((await fx.operations.get(operation.operationId))?.status).toBe('COMPLETED');
    await fx.startApp();
  });

  it('hands an operation back when the drain time is up; the next worker resumes it without redoing finished steps', async () => {
    await fx.stopApp();
    await fx.startApp({ WORKER_DRAIN_TIMEOUT_MS: '100' });
    const { tenant, operation } = await suspend();
    await fx.stopApp();
    const interrupted = await fx.operations.get(operation.operationId);
    expect(interrupted).toMatchObject({
      status: 'IN_PROGRESS',
      message: 'Interrupted by a worker shutdown; resuming',
    });
    expect(interrupted?.steps.find((step) => step.name === 'check-tenant')?.status).toBe('COMPLETED');
    expect((await fx.tenants.get(tenant.tenantId))?.status).toBe('ACTIVE');
    await fx.startApp();
    const done = await completed(operation.operationId);
    expect(done.attempts).toBe(2);
    expect(instances.started.filter((id) => id === tenant.tenantId)).toHaveLength(2);
    expect(instances.applied.filter((id) => id === tenant.tenantId)).toHaveLength(1);
    const audit = await fx.tenants.listAudit(tenant.tenantId, { pageSize: 10 });
    expect(audit.items.filter((event) => event.action === 'TENANT_SUSPENDED')).toHaveLength(1);
  });

  it('with many consumers still polling, the handed-back message does not bounce between them into the DLQ: the next worker resumes it', async () => {
    await fx.stopApp();
    await fx.startApp({ WORKER_DRAIN_TIMEOUT_MS: '100', WORKER_CONCURRENCY: '12' });
    const { operation } = await suspend();
    await fx.stopApp();
    await fx.startApp({ WORKER_CONCURRENCY: '12' });
    const done = await completed(operation.operationId);
    expect(done.attempts).toBe(2);
  });
});
