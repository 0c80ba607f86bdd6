import { InstanceDao, type Instance, type InstanceStatus } from '@bbws/data-access-instances';
import { MESSAGES, type MessageContract, type Operation } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { ComputeTestPlane, buildInstance } from '@bbws/testing-instances';
import { launchInstanceOperation } from './instance-operation.launch';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

jest.setTimeout(60_000);

describe('workers: instance runtime operations (bbws-instance-lifecycle) on the local data plane', () => {
  let fx: WorkersAppFixture;
  let compute: ComputeTestPlane;
  const instances = new InstanceDao(testDynamoContext());

  beforeAll(async () => {
    compute = await new ComputeTestPlane().start();
    fx = await startWorkersApp({
      WORKERS: 'instance-lifecycle',
      ECS_ENDPOINT: compute.server.endpoint,
      ELBV2_ENDPOINT: compute.server.endpoint,
      INSTANCE_POLL_INTERVAL_MS: '25',
      INSTANCE_CONVERGENCE_TIMEOUT_MS: '1500',
      WORKER_QUEUES: JSON.stringify({ 'instance-lifecycle': { visibilityTimeoutSeconds: 10 } }),
    });
  });
  afterAll(async () => {
    await fx.close();
    await compute.stop();
  });

  /** An ACTIVE instance whose service runs `desiredCount` workers behind its own listener rule. */
  async function activeInstance(desiredCount = 1): Promise<Instance> {
    const draft = buildInstance({ status: 'ACTIVE', desiredCount, runningCount: desiredCount });
    const registered = await compute.plane.registerInstance({
      environment: 'DEV',
      slug: draft.slug,
      serviceName: draft.resources.serviceName,
      hosts: [draft.resources.host],
      priority: draft.resources.listenerRulePriority,
      desiredCount,
    });
    const instance = buildInstance({
      ...draft,
      resources: { ...draft.resources, listenerArn: registered.listenerArn },
    });
    await instances.create(instance);
    await eventually(() =>
      compute.adapter.describeService(serviceOf(instance)).then((s) => s.steady || undefined),
    );
    return instance;
  }

  const serviceOf = (instance: Instance) => ({
    environment: instance.environment,
    cluster: instance.resources.cluster,
    serviceName: instance.resources.serviceName,
  });

  const launch = <P extends object>(
    instance: Instance,
    contract: MessageContract<P>,
    to: InstanceStatus,
    payload: P,
  ): Promise<Operation> =>
    launchInstanceOperation(fx.launcher, instances, instance, { contract, to, payload });
  const finished = (operationId: string) =>
    eventually(async () => {
      const operation = await fx.operations.get(operationId);
      return operation && ['COMPLETED', 'FAILED'].includes(operation.status) ? operation : undefined;
    });
  const reload = async (instance: Instance) =>
    (await instances.get(instance.tenantId, instance.environment))!;
  const ids = (instance: Instance) => ({
    instanceId: instance.instanceId,
    environment: instance.environment,
  });

  it('scales to 3 and reports ACTIVE only once ECS runs three tasks', async () => {
    const instance = await activeInstance(1);
    const operation = await launch(instance, MESSAGES.INSTANCE_SCALE, 'SCALING', {
      ...ids(instance),
      desiredCount: 3,
    });
    const done = await finished(operation.operationId);
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, result: { desiredCount: 3 } });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['scale-service', 'COMPLETED'],
      ['confirm-running', 'COMPLETED'],
      ['activate', 'COMPLETED'],
    ]);
    expect(await reload(instance)).toMatchObject({ status: 'ACTIVE', desiredCount: 3, runningCount: 3 });
    expect(await compute.adapter.describeService(serviceOf(instance))).toMatchObject({
      runningCount: 3,
      steady: true,
    });
    expect(compute.fleet.running({ environment: 'DEV', slug: instance.slug })).toBe(3);
    expect(await fx.operations.activeOperationId(instance.instanceId)).toBeNull();
  });

  it('suspends behind the maintenance page, then resumes the remembered count and the forward action', async () => {
    const instance = await activeInstance(2);
    const host = instance.resources.host;
    const forward = compute.plane.route(host);
    expect(forward).toMatchObject({ kind: 'forward', slug: instance.slug });

    const suspend = await launch(instance, MESSAGES.INSTANCE_SUSPEND, 'SUSPENDING', {
      ...ids(instance),
      reason: 'Unpaid',
    });
    expect(await finished(suspend.operationId)).toMatchObject({
      status: 'COMPLETED',
      result: { status: 'SUSPENDED' },
    });
    const suspended = await reload(instance);
    expect(suspended).toMatchObject({
      status: 'SUSPENDED',
      desiredCount: 0,
      runningCount: 0,
      previousDesiredCount: 2,
    });
    expect(suspended.resources.listenerRuleArn).toMatch(/^arn:aws:elasticloadbalancing:.*:listener-rule\//);
    expect(suspended.resources.targetGroupArn).toMatch(/:targetgroup\//);
    expect(compute.plane.route(host)).toMatchObject({ kind: 'fixed', statusCode: 503 });
    expect(compute.fleet.running({ environment: 'DEV', slug: instance.slug })).toBe(0);

    const resume = await launch(instance, MESSAGES.INSTANCE_RESUME, 'RESUMING', ids(instance));
    expect(await finished(resume.operationId)).toMatchObject({
      status: 'COMPLETED',
      result: { desiredCount: 2 },
    });
    expect(await reload(instance)).toMatchObject({
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      previousDesiredCount: null,
    });
    expect(compute.plane.route(host)).toEqual(forward);
    expect(compute.fleet.running({ environment: 'DEV', slug: instance.slug })).toBe(2);
  });

  it('parks and unparks the same way, each a distinct state', async () => {
    const instance = await activeInstance(1);
    const park = await launch(instance, MESSAGES.INSTANCE_PARK, 'PARKING', {
      ...ids(instance),
      reason: 'Season over',
    });
    expect(await finished(park.operationId)).toMatchObject({ status: 'COMPLETED' });
    expect(await reload(instance)).toMatchObject({ status: 'PARKED', previousDesiredCount: 1 });
    expect(compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'fixed', statusCode: 503 });
    const unpark = await launch(instance, MESSAGES.INSTANCE_UNPARK, 'UNPARKING', ids(instance));
    expect(await finished(unpark.operationId)).toMatchObject({ status: 'COMPLETED' });
    expect(await reload(instance)).toMatchObject({ status: 'ACTIVE', runningCount: 1 });
    expect(compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });
  });

  it('fails the operation and the instance when ECS never runs the tasks, keeping the error for /retry', async () => {
    const instance = await activeInstance(1);
    compute.fleet.holdHealthy({ environment: 'DEV', slug: instance.slug }, 1);
    try {
      const operation = await launch(instance, MESSAGES.INSTANCE_SCALE, 'SCALING', {
        ...ids(instance),
        desiredCount: 2,
      });
      const done = await finished(operation.operationId);
      expect(done.status).toBe('FAILED');
      expect(done.error).toMatchObject({
        code: expect.stringMatching(/^(RUNTIME_NOT_CONVERGED|ROLLOUT_FAILED)$/),
      });
      expect(await reload(instance)).toMatchObject({
        status: 'FAILED',
        lastError: { code: done.error!.code, operationId: operation.operationId },
      });
    } finally {
      compute.fleet.release({ environment: 'DEV', slug: instance.slug });
    }
  });
});
