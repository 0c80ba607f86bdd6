import { apiFigures, apiTable, missedGoalNotes, type RouteOutcome } from './api-figures';
import type { MeasuredRoute } from './api-routes';
import type { LoadResult } from './load-run';

const route: MeasuredRoute = {
  service: 'tenants-api',
  kind: 'read',
  label: 'GET /tenants/{id}',
  caller: 'member',
  prepare: async () => ({ next: () => ({ method: 'GET', path: '/v1.0/tenants/x' }) }),
};

function result(overrides: Partial<LoadResult>): LoadResult {
  return {
    requestsPerSecond: 500,
    p50: 20,
    p99: 40,
    cpuMsPerRequest: 1,
    failed: 0,
    failures: {},
    ...overrides,
  };
}

function outcome(bare: Partial<LoadResult>, api: Partial<LoadResult>): RouteOutcome {
  return { route, bare: result(bare), api: result(api) };
}

describe('api bench figures', () => {
  it('gives the req/s and p99 ratios with their goals and the CPU ratio, all checked', () => {
    const figures = apiFigures([
      outcome(
        { requestsPerSecond: 600, p99: 40, cpuMsPerRequest: 0.8 },
        { requestsPerSecond: 450, p99: 60, cpuMsPerRequest: 1.6 },
      ),
    ]);
    const byKey = Object.fromEntries(figures.map((figure) => [figure.key, figure]));
    expect(byKey['tenants-api.read.rps-ratio']).toMatchObject({
      value: 75,
      unit: '%',
      checked: { better: 'higher' },
      goal: { op: '>=', value: 90 },
      chart: 'api',
    });
    expect(byKey['tenants-api.read.p99-ratio']).toMatchObject({
      value: 1.5,
      checked: { better: 'lower' },
      goal: { op: '<=', value: 1.25 },
    });
    expect(byKey['tenants-api.read.cpu-ratio']).toMatchObject({ value: 2, checked: { better: 'lower' } });
    expect(byKey['tenants-api.read.failed']).toMatchObject({ value: 0, goal: { op: '<=', value: 0 } });
  });

  it('leaves the CPU ratio out where the CPU time could not be read', () => {
    const figures = apiFigures([outcome({ cpuMsPerRequest: Number.NaN }, { cpuMsPerRequest: Number.NaN })]);
    expect(figures.map((figure) => figure.key)).not.toContain('tenants-api.read.cpu-ratio');
  });

  it('notes each missed goal by how much and the answers of failed requests', () => {
    const notes = missedGoalNotes([
      outcome(
        { requestsPerSecond: 1000, p99: 40 },
        {
          requestsPerSecond: 800,
          p99: 60,
          failed: 2,
          failures: { 409: { count: 2, sample: '{"error":"x"}' } },
        },
      ),
    ]);
    expect(notes).toEqual([
      'tenants-api GET /tenants/{id} misses: req/s 80.0% of bare (goal 90%); p99 1.50x of bare (goal 1.25x).',
      'tenants-api GET /tenants/{id} failures: api answered 409 2 times (e.g. {"error":"x"}).',
    ]);
  });

  it('has no notes when every goal is met and nothing failed', () => {
    expect(missedGoalNotes([outcome({}, { requestsPerSecond: 480, p99: 45 })])).toEqual([]);
  });

  it('prints one row per route with both rates, the ratios and the failures', () => {
    const table = apiTable(
      [outcome({ requestsPerSecond: 600 }, { requestsPerSecond: 540, failed: 1 })],
      'settings',
    );
    const row = table.split('\n').find((line) => line.startsWith('tenants-api GET /tenants/{id}'));
    expect(row).toMatch(/600\s+540\s+90\.0%\s+40 ms\s+40 ms\s+1\.00x\s+1\.00 \/ 1\.00\s+1$/);
  });
});
