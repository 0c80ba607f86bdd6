import type { BenchFigure } from '../bench-section';
import { checkAgainstBaseline, describeCheck, nextBaseline, type Baseline } from './baseline';

const baseline = (figures: Record<string, number>): Baseline => ({
  date: '2026-12-01T00:00:00.000Z',
  commit: 'abc1234',
  machine: '2 cpus',
  figures,
});
const ratio = (key: string, value: number, better: 'higher' | 'lower'): BenchFigure => ({
  key,
  label: key,
  value,
  unit: 'x',
  checked: { better },
});

describe('checkAgainstBaseline', () => {
  it('fails a higher-is-better figure that fell more than 20 % and passes one that fell less', () => {
    const check = checkAgainstBaseline(
      [ratio('api.read.rps-ratio', 0.7, 'higher'), ratio('api.write.rps-ratio', 0.75, 'higher')],
      baseline({ 'api.read.rps-ratio': 0.9, 'api.write.rps-ratio': 0.9 }),
    );
    expect(check.regressions).toEqual([
      expect.objectContaining({ key: 'api.read.rps-ratio', baseline: 0.9, value: 0.7 }),
    ]);
    expect(check.regressions[0].worseByPercent).toBeCloseTo(22.2, 1);
    expect(check.passed).toBe(1);
  });

  it('fails a lower-is-better figure that rose more than 20 %, never one that improved', () => {
    const check = checkAgainstBaseline(
      [ratio('api.read.p99-ratio', 1.5, 'lower'), ratio('lists.p99-ratio', 0.5, 'lower')],
      baseline({ 'api.read.p99-ratio': 1.2, 'lists.p99-ratio': 1.4 }),
    );
    expect(check.regressions.map((regression) => regression.key)).toEqual(['api.read.p99-ratio']);
    expect(check.regressions[0].worseByPercent).toBeCloseTo(25, 5);
    expect(check.passed).toBe(1);
  });

  it('treats any rise of a count whose baseline is 0 as a regression', () => {
    const check = checkAgainstBaseline([ratio('workers.lost', 1, 'lower')], baseline({ 'workers.lost': 0 }));
    expect(check.regressions[0].worseByPercent).toBe(Number.POSITIVE_INFINITY);
    expect(describeCheck(check)[0]).toContain('more than 100 % (baseline 0)');
  });

  it('reports figures missing from the baseline as new and ignores figures that are not checked', () => {
    const absolute: BenchFigure = { key: 'api.cold-start', label: 'cold start', value: 9000, unit: 'ms' };
    const check = checkAgainstBaseline(
      [ratio('lists.p99-ratio', 9, 'lower'), absolute],
      baseline({ 'api.cold-start': 1000 }),
    );
    expect(check).toEqual({
      regressions: [],
      newKeys: ['lists.p99-ratio'],
      missingKeys: ['api.cold-start'],
      passed: 0,
    });
    expect(describeCheck(check)).toEqual([
      'new (not in the baseline): lists.p99-ratio',
      'not measured in this run: api.cold-start',
      '0 checked figure(s) within 20 % of the baseline, 0 regression(s)',
    ]);
  });
});

describe('nextBaseline', () => {
  const meta = { date: '2026-12-03T00:00:00.000Z', commit: 'def5678', machine: '2 cpus' };
  const figures = [
    ratio('b.ratio', 0.91234567, 'higher'),
    { key: 'a.time', label: 'a time', value: 3, unit: 's' },
  ];

  it('keeps only the checked figures, rounded and sorted by key', () => {
    expect(nextBaseline(figures, meta, baseline({ 'z.old': 1 }), false)).toEqual({
      ...meta,
      figures: { 'b.ratio': 0.912 },
    });
  });

  it('keeps the other sections of the previous baseline after a partial run', () => {
    expect(nextBaseline(figures, meta, baseline({ 'z.old': 1, 'b.ratio': 0.5 }), true).figures).toEqual({
      'b.ratio': 0.912,
      'z.old': 1,
    });
  });
});
