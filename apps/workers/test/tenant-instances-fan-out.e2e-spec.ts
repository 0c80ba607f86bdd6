import { InstanceDao, type Instance } from '@bbws/data-access-instances';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { MESSAGES, type TenantLifecycleRequestedPayload } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { ComputeTestPlane, buildInstance } from '@bbws/testing-instances';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(60_000);

describe('workers: tenant lifecycle operations fan out to the tenant instances', () => {
  let fx: WorkersAppFixture;
  let compute: ComputeTestPlane;
  const instances = new InstanceDao(testDynamoContext());

  beforeAll(async () => {
    compute = await new ComputeTestPlane().start();
    fx = await startWorkersApp(
      {
        WORKERS: 'tenant-events,instance-lifecycle',
        ECS_ENDPOINT: compute.server.endpoint,
        ELBV2_ENDPOINT: compute.server.endpoint,
        INSTANCE_POLL_INTERVAL_MS: '25',
        INSTANCE_CONVERGENCE_TIMEOUT_MS: '3000',
        WORKER_QUEUES: JSON.stringify({
          'tenant-events': { visibilityTimeoutSeconds: 10 },
          'instance-lifecycle': { visibilityTimeoutSeconds: 10 },
        }),
      },
      { fanOut: { pollIntervalMs: 50, timeoutMs: 10_000 } },
    );
  });
  afterAll(async () => {
    await fx.close();
    await compute.stop();
  });

  async function runningInstance(tenantId: string, environment: HostingEnvironment): Promise<Instance> {
    const draft = buildInstance({
      tenantId,
      environment,
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 1,
    });
    const registered = await compute.plane.registerInstance({
      environment,
      slug: draft.slug,
      serviceName: draft.resources.serviceName,
      hosts: [draft.resources.host],
      priority: draft.resources.listenerRulePriority,
      desiredCount: 1,
    });
    const instance = { ...draft, resources: { ...draft.resources, listenerArn: registered.listenerArn } };
    await instances.create(instance);
    return instance;
  }

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
    }, 30_000);

  it('suspends every ACTIVE instance as a child operation, completes with them and lists them; resume undoes it', async () => {
    const tenant = await fx.seedTenant({ status: 'ACTIVE' });
    const dev = await runningInstance(tenant.tenantId, 'DEV');
    const sit = await runningInstance(tenant.tenantId, 'SIT');

    const suspend = await launch(tenant.tenantId, {
      action: 'SUSPEND',
      fromStatus: 'ACTIVE',
      toStatus: 'SUSPENDED',
      reason: 'Unpaid invoices',
    });
    const done = await finished(suspend.operationId);
    expect(done.status).toBe('COMPLETED');
    const children = (
      done.result as { instanceOperations: { operationId: string; instanceId: string; status: string }[] }
    ).instanceOperations;
    expect(children.map((child) => [child.instanceId, child.status]).sort()).toEqual(
      [
        [dev.instanceId, 'COMPLETED'],
        [sit.instanceId, 'COMPLETED'],
      ].sort(),
    );
    for (const child of children) {
      expect(await fx.operations.get(child.operationId)).toMatchObject({
        type: 'INSTANCE_SUSPEND',
        status: 'COMPLETED',
        createdBy: 'admin-1',
        tenantId: tenant.tenantId,
      });
    }
    for (const instance of [dev, sit]) {
      expect(await instances.get(tenant.tenantId, instance.environment)).toMatchObject({
        status: 'SUSPENDED',
      });
      expect(compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'fixed', statusCode: 503 });
    }
    expect(await fx.tenants.get(tenant.tenantId)).toMatchObject({ status: 'SUSPENDED' });

    const resume = await launch(tenant.tenantId, {
      action: 'RESUME',
      fromStatus: 'SUSPENDED',
      toStatus: 'ACTIVE',
    });
    expect(await finished(resume.operationId)).toMatchObject({ status: 'COMPLETED' });
    for (const instance of [dev, sit]) {
      expect(await instances.get(tenant.tenantId, instance.environment)).toMatchObject({
        status: 'ACTIVE',
        runningCount: 1,
      });
      expect(compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });
    }
  });

  it('fails the tenant operation, leaving the tenant as it was, when an instance operation fails', async () => {
    const tenant = await fx.seedTenant({ status: 'ACTIVE' });
    const instance = await runningInstance(tenant.tenantId, 'DEV');
    // The instance's service vanishes from ECS: its suspend cannot complete.
    await compute.plane.deregisterInstance({ environment: 'DEV', slug: instance.slug });
    const park = await launch(tenant.tenantId, {
      action: 'PARK',
      fromStatus: 'ACTIVE',
      toStatus: 'PARKED',
      reason: 'Off season',
    });
    const done = await finished(park.operationId);
    expect(done).toMatchObject({ status: 'FAILED', error: { code: 'INSTANCE_OPERATIONS_FAILED' } });
    expect(await fx.tenants.get(tenant.tenantId)).toMatchObject({ status: 'ACTIVE' });
    expect(await instances.get(tenant.tenantId, 'DEV')).toMatchObject({ status: 'FAILED' });
  });
});
