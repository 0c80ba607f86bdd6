import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import { QueueDirectory, createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import { CursorCodec } from '@bbws/shared-hateoas';
import { createLogger } from '@bbws/shared-logging';
import { systemClock } from '@bbws/shared-util';
import { startDynamoLocal, startSqs } from '@bbws/testing-engines';
import type { Bench } from '../bench-section';
import { CallCounter } from './call-counter';
import { levelLabel, workersSection, type Level } from './workers.report';
import { dynamoCeiling } from './dynamo-ceiling';
import { NOOP, runNoopRound, type RoundResult, type Side } from './noop-operations';

const STAGE = 'bench';
const REGION = 'us-east-1';

export interface Settings {
  /** `16` (one message per receive, as the workers by default) or `16x4` (4 per receive). */
  levels: { concurrency: number; batchSize: number }[];
  rounds: number;
  warmupMs: number;
  measureMs: number;
  ceilingMs: number;
}

/**
 * BENCH_WORKERS_* overrides make development runs short; the defaults fit the section's 90 s budget
 * (`--quick`, BENCH_QUICK=1: one round of short windows).
 */
function settings(): Settings {
  const env = process.env;
  const quick = env.BENCH_QUICK === '1';
  return {
    levels: (env.BENCH_WORKERS_LEVELS ?? '1,4,16,16x4').split(',').map((level) => {
      const [concurrency, batchSize = '1'] = level.split('x');
      return { concurrency: Number(concurrency), batchSize: Number(batchSize) };
    }),
    rounds: Number(env.BENCH_WORKERS_ROUNDS ?? (quick ? 1 : 2)),
    warmupMs: Number(env.BENCH_WORKERS_WARMUP_MS ?? (quick ? 500 : 1500)),
    measureMs: Number(env.BENCH_WORKERS_MEASURE_MS ?? (quick ? 1500 : 4000)),
    ceilingMs: Number(env.BENCH_WORKERS_CEILING_MS ?? (quick ? 1000 : 3000)),
  };
}

/**
 * Workers: no-op operations completed per second at consumer concurrency 1/4/16 (closed loop,
 * rounds alternating between the levels), 202 → COMPLETED latency, and the DynamoDB and SQS calls
 * each operation costs, counted by middleware on the clients of each side: launch (the API's 202)
 * and processing (the worker). DynamoDB Local in memory, the in-process local SQS server.
 */
export const runWorkersBench: Bench = async () => {
  const config = settings();
  const dynamo = await startDynamoLocal({ inMemory: true });
  const sqsEngine = await startSqs({ region: REGION });
  const counters = {
    launchDynamo: new CallCounter(),
    launchSqs: new CallCounter(),
    processingDynamo: new CallCounter(),
    processingSqs: new CallCounter(),
  };
  const clients: { destroy(): void }[] = [];
  const side = (dynamoCounter: CallCounter, sqsCounter: CallCounter, name: string): Side => {
    const raw = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
    const sqs = createSqsClient({ region: REGION, endpoint: sqsEngine.endpoint });
    dynamoCounter.attach(raw, name);
    sqsCounter.attach(sqs, name);
    clients.push(raw, sqs);
    const db: DynamoContext = {
      client: createDocumentClient(raw),
      tables: defaultTableNames(STAGE),
      cursors: new CursorCodec(randomBytes(16).toString('hex')),
      clock: systemClock,
    };
    return { db, sqs, queues: new QueueDirectory(sqs, STAGE) };
  };
  try {
    const launch = side(counters.launchDynamo, counters.launchSqs, 'launch');
    const processing = side(counters.processingDynamo, counters.processingSqs, 'processing');
    await ensureTables(
      createDynamoClient({ region: REGION, endpoint: dynamo.endpoint }),
      defaultTableNames(STAGE),
    );
    await ensureQueues(processing.sqs, STAGE);
    const queue = await processing.queues.describe(NOOP.queue);
    await launch.queues.url(NOOP.queue);
    const logger = createLogger({ name: 'workers-bench', level: 'warn' });

    const levels = new Map<string, Level>();
    for (let round = 0; round < config.rounds; round += 1) {
      for (const { concurrency, batchSize } of config.levels) {
        const marks = mark(counters);
        let dynamoCpuAtOpen = 0;
        let dynamoCpuMs = 0;
        const result = await runNoopRound(launch, processing, queue, logger, {
          concurrency,
          warmupMs: config.warmupMs,
          measureMs: config.measureMs,
          batchSize,
          onWindow: (edge) => {
            if (edge === 'open') dynamoCpuAtOpen = processCpuMs(dynamo.pid);
            else dynamoCpuMs = processCpuMs(dynamo.pid) - dynamoCpuAtOpen;
          },
        });
        accumulate(levels, batchSize, result, dynamoCpuMs, counters, marks);
      }
    }
    const ceiling = await dynamoCeiling(launch, 16, config.ceilingMs);
    return workersSection([...levels.values()], ceiling, config);
  } finally {
    for (const client of clients) client.destroy();
    await sqsEngine.stop();
    await dynamo.stop();
  }
};

type Counters = Record<'launchDynamo' | 'launchSqs' | 'processingDynamo' | 'processingSqs', CallCounter>;

function mark(counters: Counters) {
  return {
    launchDynamo: counters.launchDynamo.snapshot(),
    launchSqs: counters.launchSqs.snapshot(),
    processingDynamo: counters.processingDynamo.snapshot(),
    processingSqs: counters.processingSqs.snapshot(),
  };
}

function accumulate(
  levels: Map<string, Level>,
  batchSize: number,
  result: RoundResult,
  dynamoCpuMs: number,
  counters: Counters,
  marks: ReturnType<typeof mark>,
): void {
  const label = levelLabel(result.concurrency, batchSize);
  const level: Level = levels.get(label) ?? {
    label,
    concurrency: result.concurrency,
    batchSize,
    launched: 0,
    completed: 0,
    total: 0,
    elapsedMs: 0,
    latencies: [] as number[],
    cpuMs: 0,
    dynamoCpuMs: 0,
    launchDynamo: new Map(),
    launchSqs: new Map(),
    processingDynamo: new Map(),
    processingSqs: new Map(),
  };
  level.launched += result.launched;
  level.completed += result.completed;
  level.total += result.total;
  level.elapsedMs += result.elapsedMs;
  for (const latency of result.latencies) level.latencies.push(latency);
  level.cpuMs += result.cpuMs;
  level.dynamoCpuMs += dynamoCpuMs;
  for (const key of ['launchDynamo', 'launchSqs', 'processingDynamo', 'processingSqs'] as const)
    for (const [command, calls] of counters[key].since(marks[key]))
      level[key].set(command, (level[key].get(command) ?? 0) + calls);
  levels.set(label, level);
}

/** CPU time a process has used so far (Linux /proc), ms; 0 where unavailable. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
