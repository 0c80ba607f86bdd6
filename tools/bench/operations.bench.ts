import { randomBytes } from 'node:crypto';
import { IsInt, Min } from 'class-validator';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { OperationLauncher, OperationProcessor, type OperationRunStore } from '@bbws/platform-operations';
import {
  MessageProducer,
  QueueConsumer,
  QueueDirectory,
  createSqsClient,
  ensureQueues,
} from '@bbws/platform-sqs';
import { defineMessage } from '@bbws/shared-contracts';
import { CursorCodec } from '@bbws/shared-hateoas';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { startDynamoLocal, startSqs } from '@bbws/testing-engines';

const STAGE = 'bench';
const CONCURRENCY_LEVELS = [1, 4, 16];
const MEASURE_MS = 10_000;
const WARMUP_MS = 2_000;

class NoopPayload {
  @IsInt()
  @Min(0)
  sequence!: number;
}

/** An operation type that does nothing: what is measured is the machinery around it. */
const NOOP = defineMessage({
  messageType: 'BENCH_NOOP',
  schemaVersion: 1,
  queue: 'site-update',
  kind: 'operation',
  payload: NoopPayload,
});

export interface LevelResult {
  concurrency: number;
  completed: number;
  operationsPerSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Operations completed per second by the consumer runtime for a no-op operation type, at 1, 4 and
 * 16 consumer concurrency, with the end-to-end latency from "202" (the launcher returned: operation
 * stored, message sent) to COMPLETED written. Closed loop: 2 x concurrency operations outstanding.
 * DynamoDB Local in memory and the in-process local SQS server.
 */
export async function runOperationsBench(): Promise<string> {
  const dynamo = await startDynamoLocal({ inMemory: true });
  const sqsEngine = await startSqs({ region: 'us-east-1' });
  const raw = createDynamoClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
  const sqs = createSqsClient({ region: 'us-east-1', endpoint: sqsEngine.endpoint });
  try {
    const tables = defaultTableNames(STAGE);
    await ensureTables(raw, tables);
    await ensureQueues(sqs, STAGE);
    const db: DynamoContext = {
      client: createDocumentClient(raw),
      tables,
      cursors: new CursorCodec(randomBytes(16).toString('hex')),
      clock: systemClock,
    };
    const logger = createLogger({ name: 'operations-bench', level: 'warn' });
    const queues = new QueueDirectory(sqs, STAGE);
    const operations = new OperationDao(db);
    const launcher = new OperationLauncher(operations, new MessageProducer(sqs, queues), systemClock, logger);
    const queue = await queues.describe('site-update');

    const results: LevelResult[] = [];
    for (const concurrency of CONCURRENCY_LEVELS) {
      const completedAt = new Map<string, number>();
      const waiters = new Map<string, () => void>();
      // The store as the workers use it, noting the moment each COMPLETED write returns.
      const store: OperationRunStore = {
        get: (operationId) => operations.get(operationId),
        claim: (operationId, owner, leaseMs) => operations.claim(operationId, owner, leaseMs),
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
          owner: `bench-${concurrency}`,
          leaseMs: 30_000,
          retry: { baseSeconds: 1, maxSeconds: 5 },
        },
      );
      const consumer = new QueueConsumer(
        sqs,
        queue,
        processor,
        { concurrency, batchSize: 1, waitTimeSeconds: 1, retry: { baseSeconds: 1, maxSeconds: 5 } },
        logger,
      );
      consumer.start();

      const latencies: number[] = [];
      let sequence = 0;
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
      await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
      measuring = true;
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
      measuring = false;
      const elapsed = performance.now() - started;
      const completed = latencies.length;
      stop = true;
      await Promise.all(loops);
      await consumer.stop(10_000);
      latencies.sort((a, b) => a - b);
      results.push({
        concurrency,
        completed,
        operationsPerSecond: completed / (elapsed / 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      });
    }

    const header = `${'concurrency'.padStart(11)} ${'completed'.padStart(9)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`;
    const rows = results.map(
      (result) =>
        `${String(result.concurrency).padStart(11)} ${String(result.completed).padStart(9)} ${result.operationsPerSecond.toFixed(1).padStart(8)} ` +
        `${result.p50.toFixed(0).padStart(8)} ${result.p99.toFixed(0).padStart(8)}`,
    );
    return [
      `No-op operations through the consumer runtime: ${MEASURE_MS / 1000} s per level after ${WARMUP_MS / 1000} s warm-up, ` +
        '2 x concurrency operations outstanding; latency from 202 (stored + sent) to COMPLETED written',
      header,
      ...rows,
    ].join('\n');
  } finally {
    sqs.destroy();
    raw.destroy();
    await sqsEngine.stop();
    await dynamo.stop();
  }
}
