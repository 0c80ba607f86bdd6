import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { RuntimeLookupDao, type Instance } from '@bbws/data-access-instances';
import { QueueDirectory, type QueueInfo } from '@bbws/platform-sqs';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { startInstanceGitOps, type InstanceGitOpsFixture } from './instance-gitops.fixture';

jest.setTimeout(60_000);

describe('workers: raw ECS events on bbws-instance-events', () => {
  let gx: InstanceGitOpsFixture;
  let queue: QueueInfo;
  const lookups = new RuntimeLookupDao(testDynamoContext());

  beforeAll(async () => {
    gx = await startInstanceGitOps('instance-events');
    queue = await new QueueDirectory(gx.fx.sqs, 'test').describe('instance-events');
  });
  afterAll(() => gx.close());

  /** An ACTIVE instance running `count` workers on the plane, with its runtime lookup item. */
  async function activeInstance(count: number): Promise<Instance> {
    const instance = await gx.seedInstance({ status: 'ACTIVE', desiredCount: count, runningCount: 0 });
    await gx.compute.plane.registerInstance({
      environment: 'DEV',
      slug: instance.slug,
      hosts: [instance.resources.host],
      priority: instance.resources.listenerRulePriority,
      desiredCount: count,
    });
    await lookups.put(instance);
    await eventually(async () => {
      const snapshot = await gx.compute.adapter.describeService({
        ...instance.resources,
        environment: 'DEV',
      });
      return snapshot.steady || undefined;
    });
    return instance;
  }

  /** The EventBridge event as ECS emits it and an EventBridge → SQS target delivers it (no envelope). */
  function steadyState(serviceName: string, time: string) {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': 'ECS Service Action',
      source: 'aws.ecs',
      account: '000000000000',
      time,
      region: 'us-east-1',
      resources: [gx.compute.plane.arns.service('DEV', serviceName)],
      detail: {
        eventType: 'INFO',
        eventName: 'SERVICE_STEADY_STATE',
        clusterArn: gx.compute.plane.arns.cluster('DEV'),
        createdAt: time,
      },
    };
  }

  const send = (body: unknown) =>
    gx.fx.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );

  const drained = (url: string) =>
    eventually(async () => {
      const { Attributes } = await gx.fx.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      const left =
        Number(Attributes?.ApproximateNumberOfMessages) +
        Number(Attributes?.ApproximateNumberOfMessagesNotVisible);
      return left === 0 ? true : undefined;
    });

  it('records a steady state with the running count DescribeServices reports, once, ignoring older events', async () => {
    const instance = await activeInstance(2);
    await send(steadyState(instance.resources.serviceName, '2026-12-03T02:00:05Z'));
    const recorded = await eventually(async () => {
      const current = await gx.reload(instance);
      return current.lastRuntimeEvent ? current : undefined;
    });
    expect(recorded).toMatchObject({
      status: 'ACTIVE',
      runningCount: 2,
      lastRuntimeEvent: { name: 'SERVICE_STEADY_STATE', at: '2026-12-03T02:00:05Z' },
    });

    await send(steadyState(instance.resources.serviceName, '2026-12-03T02:00:05Z'));
    await send(steadyState(instance.resources.serviceName, '2026-12-03T01:59:00Z'));
    await drained(queue.url);
    expect((await gx.reload(instance)).version).toBe(recorded.version);
  });

  it('acknowledges events of services no instance owns, and dead-letters bodies that are no ECS event', async () => {
    await send(steadyState('dev-nobody-service', '2026-12-03T02:00:00Z'));
    await send({ source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification' });
    await drained(queue.url);
    const dead = await eventually(async () => {
      const { Messages } = await gx.fx.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.deadLetterUrl!,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      );
      return Messages?.length ? Messages : undefined;
    });
    expect(dead.map((message) => JSON.parse(message.Body ?? '{}').source)).toEqual(['aws.ec2']);
  });
});
