import { IsInt, Min } from 'class-validator';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { OperationLauncher, OperationProcessor, type OperationRunStore } from '@bbws/platform-operations';
import { MessageProducer, QueueConsumer, QueueDirectory, type QueueInfo } from '@bbws/platform-sqs';
import { defineMessage } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import type { SQSClient } from '@aws-sdk/client-sqs';

class NoopPayload {
  @IsInt()
  @Min(0)
  sequence!: number;
}

/** An operation type that does nothing: what is measured is the machinery around it. */
export const NOOP = defineMessage({
  messageType: 'BENCH_NOOP',
  schemaVersion: 1,
  queue: 'site-update',
  kind: 'operation',
  payload: NoopPayload,
});

/** One side's clients: the API that launches (202) and the worker that processes are separate processes in production. */
export interface Side {
  db: DynamoContext;
  sqs: SQSClient;
  queues: QueueDirectory;
}

export interface RoundResult {
  concurrency: number;
  launched: number;
  completed: number;
  elapsedMs: number;
  latencies: number[];
  /** Operations launched (and so completed) over the whole round, warm-up and drain included. */
  total: number;
  /** CPU time of this process during the measured window, ms. */
  cpuMs: number;
}

export interface RoundOptions {
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  /** Messages per receive. */
  batchSize: number;
  /** Called when the measured window opens and closes (CPU of other processes). */
  onWindow: (edge: 'open' | 'close') => void;
}

/**
 * One closed-loop round: 2 x concurrency launchers each start a no-op operation (as the API does:
 * stored, sent), wait for it to be COMPLETED by a consumer of `concurrency`, and start the next.
 * Latency runs from the launcher's return (the 202) to the COMPLETED write's return.
 */
export async function runNoopRound(
  launch: Side,
  processing: Side,
  queue: QueueInfo,
  logger: Logger,
  options: RoundOptions,
): Promise<RoundResult> {
  const { concurrency } = options;
  const launchStore = new OperationDao(launch.db);
  const launcher = new OperationLauncher(
    launchStore,
    new MessageProducer(launch.sqs, launch.queues),
    systemClock,
    logger,
  );
  const operations = new OperationDao(processing.db);
  const completedAt = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  // The store as the workers use it, noting the moment each COMPLETED write returns.
  const store: OperationRunStore = {
    claim: (...args: Parameters<OperationRunStore['claim']>) => operations.claim(...args),
    get: (operationId) => operations.get(operationId),
    heartbeat: (operationId, owner, leaseMs) => operations.heartbeat(operationId, owner, leaseMs),
    saveProgress: (operationId, owner, update, leaseMs) =>
      operations.saveProgress(operationId, owner, update, leaseMs),
    releaseLease: (operationId, owner, message) => operations.releaseLease(operationId, owner, message),
    fail: (operation, owner, failure, extra) => operations.fail(operation, owner, failure, extra),
    complete: async (operation, owner, outcome, extra) => {
      await operations.complete(operation, owner, outcome, extra);
      completedAt.set(operation.operationId, performance.now());
      waiters.get(operation.operationId)?.();
    },
  };
  const processor = new OperationProcessor(
    [{ contract: NOOP, run: async () => ({ result: { ok: true } }) }],
    store,
    null,
    systemClock,
    logger,
    {
      name: 'bench',
      owner: `bench-${concurrency}-${process.hrtime.bigint()}`,
      leaseMs: 30_000,
      retry: { baseSeconds: 1, maxSeconds: 5 },
    },
  );
  const consumer = new QueueConsumer(
    processing.sqs,
    queue,
    processor,
    {
      concurrency,
      batchSize: options.batchSize,
      waitTimeSeconds: 1,
      retry: { baseSeconds: 1, maxSeconds: 5 },
    },
    logger,
  );
  consumer.start();

  const latencies: number[] = [];
  let sequence = 0;
  let launched = 0;
  let total = 0;
  let measuring = false;
  let stop = false;
  const one = async (): Promise<void> => {
    const resourceId = newId('site');
    const accepted = await launcher.launch({
      contract: NOOP,
      tenantId: newId('tenant'),
      resourceType: 'site',
      resourceId,
      createdBy: 'bench',
      correlationId: resourceId,
      payload: { sequence: (sequence += 1) },
    });
    const acceptedAt = performance.now();
    total += 1;
    if (measuring) launched += 1;
    const id = accepted.operationId;
    if (!completedAt.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve));
    waiters.delete(id);
    if (measuring) latencies.push(Math.max(0, (completedAt.get(id) ?? acceptedAt) - acceptedAt));
    completedAt.delete(id);
  };
  const loop = async () => {
    while (!stop) await one();
  };
  const loops = Array.from({ length: concurrency * 2 }, loop);
  await sleep(options.warmupMs);
  options.onWindow('open');
  measuring = true;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await sleep(options.measureMs);
  measuring = false;
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  options.onWindow('close');
  stop = true;
  await Promise.all(loops);
  await consumer.stop(10_000);
  return {
    concurrency,
    launched,
    completed: latencies.length,
    elapsedMs,
    latencies,
    total,
    cpuMs: (used.user + used.system) / 1000,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
