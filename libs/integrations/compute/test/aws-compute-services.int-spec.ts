import { randomBytes } from 'node:crypto';
import { eventually } from '@bbws/testing-engines';
import type { ServiceRef } from '../src';
import { ComputeTestPlane } from '@bbws/testing-compute';

const slug = () => `t${randomBytes(5).toString('hex')}`;

describe('AwsComputeAdapter: ECS services (against the local data plane)', () => {
  const test = new ComputeTestPlane();
  beforeAll(() => test.start());
  afterAll(() => test.stop());

  async function registered(desiredCount = 1) {
    const name = slug();
    const registration = await test.plane.registerInstance({
      environment: 'DEV',
      slug: name,
      hosts: [`${name}.dev.localhost`],
      priority: 100 + Math.floor(Math.random() * 40_000),
      desiredCount,
    });
    const ref: ServiceRef = {
      environment: 'DEV',
      cluster: 'dev-cluster',
      serviceName: `dev-${name}-service`,
    };
    return { name, ref, registration, instance: { environment: 'DEV' as const, slug: name } };
  }

  async function eventsFor(serviceArn: string, eventName: string) {
    return eventually(async () => {
      const messages = await test.probe.drain(test.queueUrl);
      pending.push(...messages.map((message) => JSON.parse(message.Body ?? '{}') as EventBody));
      const found = pending.filter(
        (event) => event.resources[0] === serviceArn && event.detail.eventName === eventName,
      );
      return found.length ? found : undefined;
    });
  }
  interface EventBody {
    resources: string[];
    detail: Record<string, string>;
    [key: string]: unknown;
  }
  const pending: EventBody[] = [];

  it('describes a service ECS does not know as MISSING, with the exact DescribeServices request', async () => {
    const before = test.requests.length;
    const snapshot = await test.adapter.describeService({
      environment: 'DEV',
      cluster: 'dev-cluster',
      serviceName: 'dev-nothere-service',
    });
    expect(snapshot).toEqual({
      serviceName: 'dev-nothere-service',
      status: 'MISSING',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      deployments: [],
      steady: false,
    });
    expect(test.requests.slice(before)).toEqual([
      {
        api: 'ecs',
        target: 'AmazonEC2ContainerServiceV20141113.DescribeServices',
        contentType: 'application/x-amz-json-1.1',
        body: { cluster: 'dev-cluster', services: ['dev-nothere-service'] },
      },
    ]);
  });

  it('scales 1 → 3: UpdateService answers at once, the service reaches steady state once 3 workers are healthy', async () => {
    const { ref, registration, instance } = await registered(1);
    const registeredSteady = await eventsFor(registration.serviceArn, 'SERVICE_STEADY_STATE');
    expect(await test.adapter.describeService(ref)).toMatchObject({
      desiredCount: 1,
      runningCount: 1,
      steady: true,
    });
    test.fleet.holdHealthy(instance, 1);
    const before = test.requests.length;

    const answered = await test.adapter.setDesiredCount(ref, 3);

    expect(answered).toMatchObject({
      serviceName: ref.serviceName,
      status: 'ACTIVE',
      desiredCount: 3,
      steady: false,
    });
    expect(test.requests.slice(before)).toEqual([
      {
        api: 'ecs',
        target: 'AmazonEC2ContainerServiceV20141113.UpdateService',
        contentType: 'application/x-amz-json-1.1',
        body: { cluster: 'dev-cluster', service: ref.serviceName, desiredCount: 3 },
      },
    ]);
    await eventually(async () => test.fleet.running(instance) === 3);
    const held = await test.adapter.describeService(ref);
    expect(held).toMatchObject({ desiredCount: 3, runningCount: 1, pendingCount: 2, steady: false });

    test.fleet.release(instance);
    const steady = await eventually(async () => {
      const snapshot = await test.adapter.describeService(ref);
      return snapshot.steady ? snapshot : undefined;
    });
    expect(steady).toMatchObject({ desiredCount: 3, runningCount: 3, pendingCount: 0 });
    expect(steady.deployments).toEqual([
      {
        id: expect.stringMatching(/^ecs-svc\/\d{19}$/),
        rolloutState: 'COMPLETED',
        desiredCount: 3,
        runningCount: 3,
      },
    ]);
    expect(steady.lastEvent).toEqual({
      message: `(service ${ref.serviceName}) has reached a steady state.`,
      createdAt: expect.any(String),
    });

    const steadyEvents = await eventually(async () => {
      const events = await eventsFor(registration.serviceArn, 'SERVICE_STEADY_STATE');
      return events.length > registeredSteady.length ? events : undefined;
    });
    const event = steadyEvents[steadyEvents.length - 1];
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'detail-type': 'ECS Service Action',
      source: 'aws.ecs',
      account: '000000000000',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      region: 'us-east-1',
      resources: [registration.serviceArn],
      detail: {
        eventType: 'INFO',
        eventName: 'SERVICE_STEADY_STATE',
        clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/dev-cluster',
        createdAt: steady.lastEvent?.createdAt,
      },
    });
  });

  it('announces the registration rollout as ECS Deployment State Change events (in progress, then completed)', async () => {
    const { registration } = await registered(2);
    const completed = await eventsFor(registration.serviceArn, 'SERVICE_DEPLOYMENT_COMPLETED');
    const started = pending.filter(
      (event) =>
        event.resources[0] === registration.serviceArn &&
        event.detail.eventName === 'SERVICE_DEPLOYMENT_IN_PROGRESS',
    );
    expect(started).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      'detail-type': 'ECS Deployment State Change',
      source: 'aws.ecs',
      detail: {
        eventType: 'INFO',
        eventName: 'SERVICE_DEPLOYMENT_COMPLETED',
        deploymentId: started[0].detail.deploymentId,
        updatedAt: expect.any(String),
        reason: `ECS deployment ${started[0].detail.deploymentId} completed.`,
      },
    });
  });

  it('fails the rollout when the workers never become healthy in time; a later UpdateService rolls out anew', async () => {
    const name = slug();
    test.fleet.holdHealthy({ environment: 'DEV', slug: name }, 0);
    const registration = await test.plane.registerInstance({
      environment: 'DEV',
      slug: name,
      hosts: [`${name}.dev.localhost`],
      priority: 45_000 + Math.floor(Math.random() * 4_000),
      desiredCount: 1,
    });
    const failed = await eventsFor(registration.serviceArn, 'SERVICE_DEPLOYMENT_FAILED');
    expect(failed[0]).toMatchObject({
      detail: { eventType: 'ERROR', eventName: 'SERVICE_DEPLOYMENT_FAILED' },
    });
    const snapshot = await test.adapter.describeService({
      environment: 'DEV',
      cluster: 'dev-cluster',
      serviceName: `dev-${name}-service`,
    });
    expect(snapshot).toMatchObject({
      steady: false,
      runningCount: 0,
      deployments: [{ rolloutState: 'FAILED' }],
    });

    test.fleet.release({ environment: 'DEV', slug: name });
    await test.adapter.setDesiredCount(
      { environment: 'DEV', cluster: 'dev-cluster', serviceName: `dev-${name}-service` },
      1,
    );
    const recovered = await eventually(async () => {
      const current = await test.adapter.describeService({
        environment: 'DEV',
        cluster: 'dev-cluster',
        serviceName: `dev-${name}-service`,
      });
      return current.steady ? current : undefined;
    });
    expect(recovered.deployments).toEqual([
      expect.objectContaining({ rolloutState: 'COMPLETED', runningCount: 1 }),
    ]);
    expect(recovered.deployments[0].id).not.toBe(snapshot.deployments[0].id);
  });

  it('maps an unknown service and an unknown cluster to not-found errors', async () => {
    await expect(
      test.adapter.setDesiredCount(
        { environment: 'DEV', cluster: 'dev-cluster', serviceName: 'dev-ghost-service' },
        2,
      ),
    ).rejects.toMatchObject({ code: 'ECS_SERVICE_NOT_FOUND', status: 404 });
    await expect(
      test.adapter.describeService({ environment: 'DEV', cluster: 'nowhere-cluster', serviceName: 'x' }),
    ).rejects.toMatchObject({ code: 'ECS_CLUSTER_NOT_FOUND', status: 404 });
    await expect(
      test.adapter.setDesiredCount({ environment: 'DEV', cluster: 'dev-cluster', serviceName: 'x' }, -1),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('keeps services across a restart of the data plane', async () => {
    const { ref, instance } = await registered(2);
    await eventually(async () => (await test.adapter.describeService(ref)).steady);
    const scaleCallsBefore = test.fleet.scaleCalls.length;

    await test.restart();

    expect(
      await eventually(async () => {
        const snapshot = await test.adapter.describeService(ref);
        return snapshot.steady ? snapshot : undefined;
      }),
    ).toMatchObject({ status: 'ACTIVE', desiredCount: 2, runningCount: 2 });
    expect(test.fleet.scaleCalls.slice(scaleCallsBefore)).toContainEqual({ instance, count: 2 });
  });
});
