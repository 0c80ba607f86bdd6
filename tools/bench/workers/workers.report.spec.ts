import { levelLabel, workersSection, type Level } from './workers.report';
import type { Settings } from './workers.bench';

const SETTINGS: Settings = {
  levels: [
    { concurrency: 1, batchSize: 1 },
    { concurrency: 16, batchSize: 1 },
    { concurrency: 16, batchSize: 4 },
  ],
  rounds: 1,
  warmupMs: 1000,
  measureMs: 2000,
  ceilingMs: 1000,
};

function level(concurrency: number, batchSize: number, completed: number): Level {
  return {
    label: levelLabel(concurrency, batchSize),
    concurrency,
    batchSize,
    launched: completed,
    completed,
    total: completed,
    elapsedMs: 2000,
    latencies: Array.from({ length: completed }, (_, index) => index + 1),
    cpuMs: completed * 3,
    dynamoCpuMs: completed * 2,
    launchDynamo: new Map([
      ['TransactWriteItems', completed],
      ['UpdateItem', completed],
    ]),
    launchSqs: new Map([['SendMessage', completed]]),
    processingDynamo: new Map([
      ['UpdateItem', completed],
      ['TransactWriteItems', completed],
    ]),
    processingSqs: new Map([
      ['ReceiveMessage', completed / batchSize],
      ['DeleteMessageBatch', completed / 10],
    ]),
  };
}

describe('workers bench section', () => {
  const levels = [level(1, 1, 40), level(16, 1, 400), level(16, 4, 500)];

  it('reports ops/s per level, the c16/c1 ratio and calls per operation at c16 with their goals', () => {
    const { figures } = workersSection(levels, 350, SETTINGS);
    const byKey = new Map(figures.map((figure) => [figure.key, figure]));
    expect(byKey.get('workers.c1.ops-per-s')).toMatchObject({ value: 20, chart: 'workers' });
    expect(byKey.get('workers.c16.ops-per-s')).toMatchObject({ value: 200, goal: { op: '>=', value: 300 } });
    expect(byKey.get('workers.c16-batch4.ops-per-s')).toMatchObject({ value: 250 });
    expect(byKey.get('workers.c16-batch4.ops-per-s')?.goal).toBeUndefined();
    expect(byKey.get('workers.scaling.c16-vs-c1')).toMatchObject({
      value: 10,
      checked: { better: 'higher' },
    });
    expect(byKey.get('workers.processing.dynamodb-calls-per-op')).toMatchObject({
      value: 2,
      checked: { better: 'lower' },
      goal: { op: '<=', value: 4 },
    });
    expect(byKey.get('workers.processing.sqs-calls-per-op')).toMatchObject({ value: 1.1 });
    expect(byKey.get('workers.c16-batch4.sqs-calls-per-op')).toMatchObject({ value: 0.35 });
    expect(byKey.get('workers.launch.dynamodb-calls-per-op')).toMatchObject({ value: 2 });
    expect(byKey.get('workers.launch.sqs-calls-per-op')).toMatchObject({ value: 1 });
    // Absolute times are never compared against the baseline.
    for (const figure of figures.filter((entry) => entry.unit === 'ms' || entry.unit === 'ops/s'))
      expect(figure.checked).toBeUndefined();
  });

  it('says by how much the c16 goal is missed, with the DynamoDB Local ceiling and CPU per operation', () => {
    const { notes, table } = workersSection(levels, 350, SETTINGS);
    expect(notes).toHaveLength(1);
    expect(notes?.[0]).toContain('200 no-op operations/s, 33 % short of 300');
    expect(notes?.[0]).toContain('at 350 operations/s in 16 bare loops');
    expect(notes?.[0]).toContain('3.0 ms of CPU and DynamoDB Local 2.0 ms');
    expect(table).toContain('c16-batch4 processing DynamoDB 2.00');
  });

  it('has no note when the goal is met', () => {
    expect(workersSection([level(1, 1, 40), level(16, 1, 700)], 900, SETTINGS).notes).toEqual([]);
  });
});
