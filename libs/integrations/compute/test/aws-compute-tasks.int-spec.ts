import { randomBytes } from 'node:crypto';
import { NotFoundError } from '@bbws/shared-errors';
import { eventually } from '@bbws/testing-engines';
import { ComputeTestPlane } from '@bbws/testing-compute';
import type { ServiceRef, TaskSnapshot } from '../src';

const slug = () => `t${randomBytes(5).toString('hex')}`;

describe('AwsComputeAdapter: one-off tasks (RunTask / DescribeTasks against the local data plane)', () => {
  const test = new ComputeTestPlane();
  beforeAll(() => test.start());
  afterAll(() => test.stop());

  async function registered() {
    const name = slug();
    await test.plane.registerInstance({
      environment: 'DEV',
      slug: name,
      hosts: [`${name}.dev.localhost`],
      priority: 100 + Math.floor(Math.random() * 40_000),
      desiredCount: 1,
    });
    const ref: ServiceRef = {
      environment: 'DEV',
      cluster: 'dev-cluster',
      serviceName: `dev-${name}-service`,
    };
    return { name, ref };
  }

  const ecsSince = (index: number) =>
    test.requests.slice(index).flatMap((request) => (request.api === 'ecs' ? [request] : []));

  const stopped = (taskArn: string) =>
    eventually(async () => {
      const snapshot = await test.adapter.describeTask('DEV', 'dev-cluster', taskArn);
      return snapshot.lastStatus === 'STOPPED' ? snapshot : undefined;
    });

  it('runs a task with the service task definition, network and a wordpress container override, then reports its exit code', async () => {
    const { name, ref } = await registered();
    const before = test.requests.length;
    const { taskArn } = await test.adapter.runTask(ref, {
      command: ['wp', 'cache', 'flush'],
      environment: { FLAG: 'on' },
      clientToken: 'flush-1',
    });
    expect(taskArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:task\/dev-cluster\/[0-9a-f]{32}$/);
    const sent = ecsSince(before).map((request) => [request.target, request.body]);
    expect(sent).toEqual([
      [
        'AmazonEC2ContainerServiceV20141113.DescribeServices',
        { cluster: 'dev-cluster', services: [ref.serviceName] },
      ],
      [
        'AmazonEC2ContainerServiceV20141113.RunTask',
        {
          cluster: 'dev-cluster',
          clientToken: 'flush-1',
          taskDefinition: `arn:aws:ecs:us-east-1:000000000000:task-definition/${ref.serviceName}:1`,
          count: 1,
          startedBy: 'bbws-workers',
          group: `family:${ref.serviceName}-one-off`,
          launchType: 'FARGATE',
          platformVersion: 'LATEST',
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: ['subnet-dev-private'],
              securityGroups: [`sg-${name}`],
              assignPublicIp: 'DISABLED',
            },
          },
          overrides: {
            containerOverrides: [
              {
                name: 'wordpress',
                command: ['wp', 'cache', 'flush'],
                environment: [{ name: 'FLAG', value: 'on' }],
              },
            ],
          },
        },
      ],
    ]);

    const done = await stopped(taskArn);
    expect(done).toEqual<TaskSnapshot>({
      taskArn,
      lastStatus: 'STOPPED',
      exitCode: 127,
      stoppedReason: 'Essential container in task exited',
    });
    expect(test.tasks.calls.at(-1)).toEqual({
      instance: { environment: 'DEV', slug: name },
      command: ['wp', 'cache', 'flush'],
      environment: { FLAG: 'on' },
    });
    const describe = ecsSince(before)
      .filter((request) => request.target.endsWith('.DescribeTasks'))
      .at(-1);
    expect(describe?.body).toEqual({ cluster: 'dev-cluster', tasks: [taskArn] });
  });

  it('keeps the exit code of a failing command; bbws-archive without its upload URLs exits 2', async () => {
    const { ref } = await registered();
    test.tasks.exitWith(3);
    try {
      const failed = await test.adapter.runTask(ref, { command: ['bbws-archive'], environment: {} });
      expect(await stopped(failed.taskArn)).toMatchObject({ lastStatus: 'STOPPED', exitCode: 3 });
    } finally {
      test.tasks.exitWith(undefined);
    }
    const plain = await test.adapter.runTask(ref, { command: ['bbws-archive'], environment: {} });
    // Without upload URLs the archive command refuses to run.
    expect(await stopped(plain.taskArn)).toMatchObject({ exitCode: 2 });
  });

  it('starts one task per client token: RunTask again with the same token answers the same task', async () => {
    const { ref } = await registered();
    const calls = test.tasks.calls.length;
    const first = await test.adapter.runTask(ref, {
      command: ['true'],
      environment: {},
      clientToken: 'once-1',
    });
    const again = await test.adapter.runTask(ref, {
      command: ['true'],
      environment: {},
      clientToken: 'once-1',
    });
    expect(again.taskArn).toBe(first.taskArn);
    await stopped(first.taskArn);
    expect(test.tasks.calls.length - calls).toBe(1);
  });

  it('describes a task ECS does not know as MISSING', async () => {
    const unknown = 'arn:aws:ecs:us-east-1:000000000000:task/dev-cluster/00000000000000000000000000000000';
    expect(await test.adapter.describeTask('DEV', 'dev-cluster', unknown)).toEqual({
      taskArn: unknown,
      lastStatus: 'MISSING',
    });
  });

  it('refuses to run a task for a service ECS does not know (not found, no RunTask sent)', async () => {
    const before = test.requests.length;
    await expect(
      test.adapter.runTask(
        { environment: 'DEV', cluster: 'dev-cluster', serviceName: 'dev-nothere-service' },
        { command: ['bbws-archive'], environment: {} },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(ecsSince(before).map((request) => request.target)).toEqual([
      'AmazonEC2ContainerServiceV20141113.DescribeServices',
    ]);
  });

  it('answers RunTask without a network configuration or a wordpress override with InvalidParameterException', async () => {
    const { ref } = await registered();
    const call = (body: unknown) =>
      fetch(test.server.endpoint, {
        method: 'POST',
        headers: {
          'x-amz-target': 'AmazonEC2ContainerServiceV20141113.RunTask',
          'content-type': 'application/x-amz-json-1.1',
        },
        body: JSON.stringify(body),
      });
    const base = { cluster: 'dev-cluster', taskDefinition: `${ref.serviceName}:1` };
    const withoutNetwork = await call({
      ...base,
      overrides: { containerOverrides: [{ name: 'wordpress', command: ['true'] }] },
    });
    expect(withoutNetwork.status).toBe(400);
    expect(await withoutNetwork.json()).toMatchObject({ __type: 'InvalidParameterException' });
    const otherContainer = await call({
      ...base,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      overrides: { containerOverrides: [{ name: 'sidecar', command: ['true'] }] },
    });
    expect(otherContainer.status).toBe(400);
    const calls = test.tasks.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(test.tasks.calls).toHaveLength(calls);
  });
});
