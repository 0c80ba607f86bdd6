import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { IsString, Length } from 'class-validator';
import { OperationDao } from '@bbws/data-access-operations';
import {
  OperationLauncher,
  OperationProcessor,
  type OperationContext,
  type OperationHandler,
  type OperationOutcome,
} from '../src';
import {
  MessageProducer,
  QueueConsumer,
  QueueDirectory,
  createSqsClient,
  ensureQueues,
  type QueueConsumerSettings,
} from '@bbws/platform-sqs';
import { defineMessage, type Operation, type QueueKey } from '@bbws/shared-contracts';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { eventually, startSqs } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';

export class TestPayload {
  @IsString()
  @Length(1, 50)
  scenario!: string;
}

/** A test operation type on a queue with 3 receives before its DLQ (like the site queues). */
export const TEST_OPERATION = defineMessage({
  messageType: 'TEST_OPERATION',
  schemaVersion: 1,
  queue: 'site-creation',
  kind: 'operation',
  payload: TestPayload,
});

export type Behaviour = (context: OperationContext<TestPayload>) => Promise<OperationOutcome | void>;

/** Runs the behaviour registered for the message's scenario; counts what ran. */
export class ScriptedHandler implements OperationHandler<TestPayload> {
  readonly contract = TEST_OPERATION;
  readonly behaviours = new Map<string, Behaviour>();
  readonly runs: string[] = [];

  run(context: OperationContext<TestPayload>): Promise<OperationOutcome | void> {
    this.runs.push(context.operation.operationId);
    const behaviour = this.behaviours.get(context.payload.scenario);
    if (!behaviour) throw new Error(`no behaviour for ${context.payload.scenario}`);
    return behaviour(context);
  }
}

export const silentLogger = createLogger({
  name: 'operations-runtime-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});

export interface RuntimeFixture {
  sqs: SQSClient;
  queues: QueueDirectory;
  operations: OperationDao;
  producer: MessageProducer;
  launcher: OperationLauncher;
  handler: ScriptedHandler;
  launch(scenario: string): Promise<Operation>;
  /** A consumer of the test queue acting as one worker (its own lease owner). */
  worker(owner: string, settings?: Partial<QueueConsumerSettings>): QueueConsumer;
  deadLetters(): Promise<Message[]>;
  /** Messages in the queue, visible or in flight. */
  queueDepth(queue: QueueKey): Promise<number>;
  /** Receives and deletes one message (a send that "never happened"). */
  takeMessage(queue: QueueKey): Promise<Message>;
  close(): Promise<void>;
}

/** A local SQS server of its own (no other suite's consumer can take its messages) and the test tables. */
export async function startRuntimeFixture(): Promise<RuntimeFixture> {
  const engine = await startSqs({ region: process.env.AWS_REGION ?? 'us-east-1' });
  const sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
  await ensureQueues(sqs, 'test');
  const queues = new QueueDirectory(sqs, 'test');
  const operations = new OperationDao(testDynamoContext());
  const producer = new MessageProducer(sqs, queues);
  const launcher = new OperationLauncher(operations, producer, systemClock, silentLogger);
  const handler = new ScriptedHandler();
  const workers: QueueConsumer[] = [];
  const queue = await queues.describe('site-creation');
  return {
    sqs,
    queues,
    operations,
    producer,
    launcher,
    handler,
    launch: (scenario) =>
      launcher.launch({
        contract: TEST_OPERATION,
        tenantId: newId('tenant'),
        resourceType: 'site',
        resourceId: newId('site'),
        createdBy: 'test-user',
        correlationId: newId('evt'),
        payload: { scenario },
      }),
    worker(owner, settings = {}) {
      const visibility = settings.visibilityTimeoutSeconds ?? 2;
      const processor = new OperationProcessor([handler], operations, null, systemClock, silentLogger, {
        name: 'test',
        owner,
        leaseMs: visibility * 1000,
        retry: { baseSeconds: 1, maxSeconds: 2 },
      });
      const consumer = new QueueConsumer(
        sqs,
        queue,
        processor,
        {
          concurrency: 1,
          batchSize: 1,
          waitTimeSeconds: 1,
          visibilityTimeoutSeconds: visibility,
          retry: { baseSeconds: 1, maxSeconds: 2 },
          ...settings,
        },
        silentLogger,
      );
      workers.push(consumer);
      return consumer;
    },
    async deadLetters() {
      const dlq = await queues.describe('site-operations-dlq');
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: dlq.url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      );
      return Messages ?? [];
    },
    async queueDepth(key) {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: await queues.url(key),
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return (
        Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
        Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
      );
    },
    async takeMessage(key) {
      const url = await queues.url(key);
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 2 }));
      if (!Messages?.[0]) throw new Error(`no message on ${key}`);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: Messages[0].ReceiptHandle }));
      return Messages[0];
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop(0)));
      sqs.destroy();
      await engine.stop();
    },
  };
}

/** Adds one to the count of `key`. */
export function countInto(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Resolves with the operation once it is COMPLETED. */
export function completedOperation(fx: RuntimeFixture, operationId: string) {
  return eventually(async () => {
    const operation = await fx.operations.get(operationId);
    return operation?.status === 'COMPLETED' ? operation : undefined;
  });
}

/** Registers the 'three-steps' behaviour, counting step starts and completions per `${operationId}:${step}`. */
export function withThreeStepBehaviour(fx: RuntimeFixture): {
  started: Map<string, number>;
  completed: Map<string, number>;
} {
  const started = new Map<string, number>();
  const completed = new Map<string, number>();
  fx.handler.behaviours.set('three-steps', async (context) => {
    await context.plan(['one', 'two', 'three']);
    for (const name of ['one', 'two', 'three']) {
      await context.step(name, async () => {
        countInto(started, `${context.operation.operationId}:${name}`);
        countInto(completed, `${context.operation.operationId}:${name}`);
      });
    }
    return { result: { done: true }, message: 'All three steps ran' };
  });
  return { started, completed };
}
