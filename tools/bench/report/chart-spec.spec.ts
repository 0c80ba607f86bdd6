import type { BenchSection } from '../bench-section';
import { chartPanels, chartSpec, xDomain } from './chart-spec';

const sections: BenchSection[] = [
  {
    name: 'api',
    title: 'API',
    table: '',
    figures: [
      {
        key: 'api.read.rps',
        label: 'read req/s vs bare',
        value: 84,
        unit: '%',
        goal: { op: '>=', value: 90 },
        chart: 'api',
      },
      {
        key: 'api.read.p99',
        label: 'read p99 vs bare',
        value: 1.1,
        unit: 'x',
        goal: { op: '<=', value: 1.25 },
        chart: 'api',
      },
      {
        key: 'api.write.rps',
        label: 'write req/s vs bare',
        value: 95,
        unit: '%',
        goal: { op: '>=', value: 90 },
        chart: 'api',
      },
    ],
  },
  {
    name: 'instances',
    title: 'Instances',
    table: '',
    figures: [{ key: 'platform.idle', label: 'platform idle', value: 900, unit: 'MB', chart: 'platform' }],
  },
  {
    name: 'lists',
    title: 'Lists',
    table: '',
    figures: [{ key: 'lists.p99', label: 'p99 at 100k', value: 7, unit: 'ms' }],
  },
];

describe('chartPanels', () => {
  it('makes one panel per chart group and unit, a figure without a group going with its section', () => {
    expect(chartPanels(sections).map((panel) => panel.title)).toEqual([
      'api (%)',
      'api (x)',
      'platform (MB)',
      'lists (ms)',
    ]);
  });

  it('gives each bar its printed value, its goal and whether the goal is met', () => {
    expect(chartPanels(sections)[0].rows).toEqual([
      { label: 'read req/s vs bare', value: 84, text: '84 %', goal: 90, state: 'missed' },
      { label: 'write req/s vs bare', value: 95, text: '95 %', goal: 90, state: 'met' },
    ]);
    expect(chartPanels(sections)[2].rows[0]).toMatchObject({ goal: null, state: 'no goal' });
  });
});

describe('chartSpec', () => {
  it('stacks one bar chart per panel with the goal ticks drawn only where there is a goal', () => {
    const panels = chartPanels(sections);
    const spec = chartSpec(panels, 'bench') as { vconcat: Record<string, any>[] };
    expect(spec.vconcat).toHaveLength(4);
    const [first] = spec.vconcat;
    expect(first.title.text).toBe('api (%)');
    expect(first.data.values).toBe(panels[0].rows);
    expect(first.layer.map((layer: any) => layer.mark.type)).toEqual(['bar', 'tick', 'text']);
    expect(first.layer[1].transform).toEqual([{ filter: 'datum.goal !== null' }]);
    expect(first.layer[1].encoding.x.field).toBe('goal');
  });
});

describe('xDomain', () => {
  const row = (value: number, goal: number | null) => ({
    label: 'x',
    value,
    text: '',
    goal,
    state: 'met' as const,
  });

  it('spans from 0 past the highest value or goal, and is never empty', () => {
    expect(xDomain([row(50, 90), row(80, 90)])).toEqual([0, 90 * 1.15]);
    expect(xDomain([row(0, 0), row(0, 0)])).toEqual([0, 1]);
    expect(xDomain([row(-2, null)])).toEqual([-2, 0]);
  });
});
