import path from 'node:path';
import { chartPanels, chartSpec } from './chart-spec';
import { renderSvg } from './chart.renderer';

const repoRoot = path.resolve(__dirname, '../../..');

describe('renderSvg', () => {
  it('renders the chart of a small figure set to an SVG document with the bars and their labels', () => {
    const panels = chartPanels([
      {
        name: 'api',
        title: 'API',
        table: '',
        figures: [
          {
            key: 'a',
            label: 'tenants-api read req/s',
            value: 84,
            unit: '%',
            goal: { op: '>=', value: 90 },
            chart: 'api',
          },
          {
            key: 'b',
            label: 'sites-api write req/s',
            value: 96,
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
        figures: [{ key: 'c', label: 'whole platform idle', value: 870, unit: 'MB', chart: 'platform' }],
      },
    ]);
    const svg = renderSvg(chartSpec(panels, 'bench test'), repoRoot);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of [
      'tenants-api read req/s',
      'sites-api write req/s',
      'whole platform idle',
      'api (%)',
      'platform (MB)',
      '84 %',
      '870 MB',
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    // The bars: a missed goal in red, a met one in green, a figure without a goal in grey.
    expect(svg).toContain('fill="#c62828"');
    expect(svg).toContain('fill="#2e7d32"');
    expect(svg).toContain('fill="#607d8b"');
  });
});
