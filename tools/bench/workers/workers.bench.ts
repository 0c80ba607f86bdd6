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
import type { Bench, BenchFigure, BenchSection } from '../bench-section';
import { CallCounter, perOperation, total } from './call-counter';
import { dynamoCeiling } from './dynamo-ceiling';
import { NOOP, runNoopRound, type RoundResult, type Side } from './noop-operations';

const STAGE = 'bench';
const REGION = 'us-east-1';

interface Settings {
  levels: number[];
  rounds: number;
  warmupMs: number;
  measureMs: number;
  batchSize: number;
  ceilingMs: number;
}

/** BENCH_WORKERS_* overrides make development runs short; the defaults fit the section's 90 s budget. */
function settings(): Settings {
  const env = process.env;
  return {
    levels: (env.BENCH_WORKERS_LEVELS ?? '1,4,16').split(',').map(Number),
    rounds: Number(env.BENCH_WORKERS_ROUNDS ?? 2),
    warmupMs: Number(env.BENCH_WORKERS_WARMUP_MS ?? 1500),
    measureMs: Number(env.BENCH_WORKERS_MEASURE_MS ?? 5000),
    batchSize: Number(env.BENCH_WORKERS_BATCH ?? 1),
    ceilingMs: Number(env.BENCH_WORKERS_CEILING_MS ?? 5000),
  };
}

interface Level {
  concurrency: number;
  launched: number;
  completed: number;
  /** Operations of the whole rounds (warm-up and drain included): what the call counts are divided by. */
  total: number;
  elapsedMs: number;
  latencies: number[];
  cpuMs: number;
  dynamoCpuMs: number;
  launchDynamo: Map<string, number>;
  launchSqs: Map<string, number>;
  processingDynamo: Map<string, number>;
  processingSqs: Map<string, number>;
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

    const levels = new Map<number, Level>();
    for (let round = 0; round < config.rounds; round += 1) {
      for (const concurrency of config.levels) {
        const marks = mark(counters);
        let dynamoCpuAtOpen = 0;
        let dynamoCpuMs = 0;
        const result = await runNoopRound(launch, processing, queue, logger, {
          concurrency,
          warmupMs: config.warmupMs,
          measureMs: config.measureMs,
          batchSize: config.batchSize,
          onWindow: (edge) => {
            if (edge === 'open') dynamoCpuAtOpen = processCpuMs(dynamo.pid);
            else dynamoCpuMs = processCpuMs(dynamo.pid) - dynamoCpuAtOpen;
          },
        });
        accumulate(levels, result, dynamoCpuMs, counters, marks);
      }
    }
    const ceiling = await dynamoCeiling(launch, 16, config.ceilingMs);
    return section([...levels.values()], ceiling, config);
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
  levels: Map<number, Level>,
  result: RoundResult,
  dynamoCpuMs: number,
  counters: Counters,
  marks: ReturnType<typeof mark>,
): void {
  const level: Level = levels.get(result.concurrency) ?? {
    concurrency: result.concurrency,
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
  levels.set(result.concurrency, level);
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Row {
  level: Level;
  opsPerSecond: number;
  p50: number;
  p99: number;
  cpu: number;
  dynamoCpu: number;
}

function section(levels: Level[], ceiling: number, config: Settings): BenchSection {
  const rows: Row[] = levels.map((level) => {
    const sorted = [...level.latencies].sort((a, b) => a - b);
    const seconds = level.elapsedMs / 1000;
    return {
      level,
      opsPerSecond: level.completed / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpu: level.cpuMs / Math.max(1, level.completed),
      dynamoCpu: level.dynamoCpuMs / Math.max(1, level.completed),
    };
  });
  const table = [
    `No-op operations through the consumer runtime: ${config.rounds} rounds of ${config.measureMs / 1000} s per level ` +
      `(levels alternating, ${config.warmupMs / 1000} s warm-up each), 2 x concurrency operations outstanding, ` +
      `${config.batchSize} message(s) per receive; latency from 202 (stored + sent) to COMPLETED written.`,
    `${'concurrency'.padStart(11)} ${'completed'.padStart(9)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ` +
      `${'CPU ms/op: bench'.padStart(16)} ${'DDB Local'.padStart(9)}`,
    ...rows.map(
      (row) =>
        `${String(row.level.concurrency).padStart(11)} ${String(row.level.completed).padStart(9)} ${row.opsPerSecond.toFixed(1).padStart(8)} ` +
        `${row.p50.toFixed(0).padStart(7)} ${row.p99.toFixed(0).padStart(7)} ${row.cpu.toFixed(2).padStart(16)} ${row.dynamoCpu.toFixed(2).padStart(9)}`,
    ),
    '',
    'Calls per operation (whole rounds, warm-up and drain included; launch: the API side, processing: the worker):',
    ...rows.flatMap(({ level }) => [
      `  c${level.concurrency} launch     DynamoDB ${(total(level.launchDynamo) / Math.max(1, level.total)).toFixed(2)} (${perOperation(level.launchDynamo, level.total)}); ` +
        `SQS ${(total(level.launchSqs) / Math.max(1, level.total)).toFixed(2)} (${perOperation(level.launchSqs, level.total)})`,
      `  c${level.concurrency} processing DynamoDB ${(total(level.processingDynamo) / Math.max(1, level.total)).toFixed(2)} (${perOperation(level.processingDynamo, level.total)}); ` +
        `SQS ${(total(level.processingSqs) / Math.max(1, level.total)).toFixed(2)} (${perOperation(level.processingSqs, level.total)})`,
    ]),
    '',
    `DynamoDB Local ceiling: the same DynamoDB calls in 16 bare loops (no SQS, no consumer): ${ceiling.toFixed(0)} operations/s`,
  ].join('\n');
  return {
    name: 'workers',
    title: 'workers: no-op operations completed by the consumer runtime',
    table,
    figures: figures(rows, ceiling),
    notes: notes(rows, ceiling),
  };
}

/** Why the c16 goal is missed, from what was measured. */
function notes(rows: Row[], ceiling: number): string[] {
  const top = rows.find((row) => row.level.concurrency === 16);
  if (!top || top.opsPerSecond >= 300) return [];
  const missed = ((300 - top.opsPerSecond) / 300) * 100;
  return [
    `Concurrency 16 completes ${top.opsPerSecond.toFixed(0)} no-op operations/s, ${missed.toFixed(0)} % short of 300. ` +
      `The calls themselves cap it: DynamoDB Local does the same DynamoDB calls (2 launch + 2 processing, two of ` +
      `them transactions) at ${ceiling.toFixed(0)} operations/s in 16 bare loops with nothing else running. Per ` +
      `operation the bench process (launcher, consumer, the in-process local SQS server, the SDK) spends ` +
      `${top.cpu.toFixed(1)} ms of CPU and DynamoDB Local ${top.dynamoCpu.toFixed(1)} ms, on 2 cores: beyond ` +
      'concurrency 4 more consumers only queue on the same two cores. Against AWS the DynamoDB and SQS work is ' +
      'not on the machine.',
  ];
}

function figures(rows: Row[], ceiling: number): BenchFigure[] {
  const at = (concurrency: number) => rows.find((row) => row.level.concurrency === concurrency);
  const top = at(16) ?? rows[rows.length - 1];
  const list: BenchFigure[] = rows.flatMap((row) => {
    const c = row.level.concurrency;
    return [
      {
        key: `workers.c${c}.ops-per-s`,
        label: `workers: no-op operations/s at concurrency ${c}`,
        value: round(row.opsPerSecond),
        unit: 'ops/s',
        chart: 'workers',
        ...(c === 16 ? { goal: { op: '>=' as const, value: 300 } } : {}),
      },
      {
        key: `workers.c${c}.p50-ms`,
        label: `workers: 202 → COMPLETED p50 at concurrency ${c}`,
        value: round(row.p50),
        unit: 'ms',
      },
      {
        key: `workers.c${c}.p99-ms`,
        label: `workers: 202 → COMPLETED p99 at concurrency ${c}`,
        value: round(row.p99),
        unit: 'ms',
      },
    ];
  });
  const first = at(1);
  if (first && top && top !== first)
    list.push({
      key: 'workers.scaling.c16-vs-c1',
      label: `workers: ops/s at concurrency ${top.level.concurrency} / at concurrency 1`,
      value: round(top.opsPerSecond / Math.max(0.001, first.opsPerSecond)),
      unit: 'x',
      checked: { better: 'higher' },
    });
  if (top) {
    const { level } = top;
    const per = (calls: Map<string, number>, operations: number) =>
      round(total(calls) / Math.max(1, operations));
    list.push(
      {
        key: 'workers.processing.dynamodb-calls-per-op',
        label: 'workers: DynamoDB calls per operation processed (receive to delete; no-op, no steps)',
        value: per(level.processingDynamo, level.total),
        unit: 'calls',
        checked: { better: 'lower' },
        goal: { op: '<=', value: 4 },
        chart: 'workers-calls',
      },
      {
        key: 'workers.processing.sqs-calls-per-op',
        label: 'workers: SQS calls per operation processed (receives, visibility, deletes)',
        value: per(level.processingSqs, level.total),
        unit: 'calls',
        checked: { better: 'lower' },
        chart: 'workers-calls',
      },
      {
        key: 'workers.launch.dynamodb-calls-per-op',
        label:
          'workers: DynamoDB calls per operation launched (the 202: stored with its lock, send recorded)',
        value: per(level.launchDynamo, level.total),
        unit: 'calls',
        checked: { better: 'lower' },
        chart: 'workers-calls',
      },
      {
        key: 'workers.launch.sqs-calls-per-op',
        label: 'workers: SQS calls per operation launched',
        value: per(level.launchSqs, level.total),
        unit: 'calls',
        checked: { better: 'lower' },
        chart: 'workers-calls',
      },
    );
  }
  list.push({
    key: 'workers.dynamodb-local-ceiling.ops-per-s',
    label: 'workers: DynamoDB Local ceiling, the same DynamoDB calls in 16 bare loops',
    value: round(ceiling),
    unit: 'ops/s',
  });
  return list;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
