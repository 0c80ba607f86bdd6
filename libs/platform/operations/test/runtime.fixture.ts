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
  type SqsClient,
} from '@bbws/platform-sqs';
import { defineMessage, type Operation, type QueueKey } from '@bbws/shared-contracts';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { QueueProbe, eventually, startSqs, type SqsMessage } from '@bbws/testing-engines';
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
  sqs: SqsClient;
  /** Raw access to the queues (depth, forged bodies, messages taken away). */
  probe: QueueProbe;
  queues: QueueDirectory;
  operations: OperationDao;
  producer: MessageProducer;
  launcher: OperationLauncher;
  handler: ScriptedHandler;
  launch(scenario: string): Promise<Operation>;
  /** A consumer of the test queue acting as one worker (its own lease owner). */
  worker(owner: string, settings?: Partial<QueueConsumerSettings>): QueueConsumer;
  deadLetters(): Promise<SqsMessage[]>;
  /** Messages in the queue, visible or in flight. */
  queueDepth(queue: QueueKey): Promise<number>;
  /** Receives and deletes one message (a send that "never happened"). */
  takeMessage(queue: QueueKey): Promise<SqsMessage>;
  close(): Promise<void>;
}

/** A local SQS server of its own (no other suite's consumer can take its messages) and the test tables. */
export async function startRuntimeFixture(): Promise<RuntimeFixture> {
  const engine = await startSqs({ region: process.env.AWS_REGION ?? 'us-east-1' });
  const sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
  await ensureQueues(sqs, 'test');
  const queues = new QueueDirectory(sqs, 'test');
  const probe = new QueueProbe(sqs);
  const operations = new OperationDao(testDynamoContext());
  const producer = new MessageProducer(sqs, queues);
  const launcher = new OperationLauncher(operations, producer, systemClock, silentLogger);
  const handler = new ScriptedHandler();
  const workers: QueueConsumer[] = [];
  const queue = await queues.describe('site-creation');
  return {
    sqs,
    probe,
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
      return probe.receive((await queues.describe('site-operations-dlq')).url, { max: 10 });
    },
    async queueDepth(key) {
      return probe.depth(await queues.url(key));
    },
    async takeMessage(key) {
      return probe.take(await queues.url(key));
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
