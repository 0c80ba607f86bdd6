import type { BenchSection } from '../bench-section';
import { renderReport, type ReportInput } from './report-markdown';

const api: BenchSection = {
  name: 'api',
  title: 'API services vs bare handlers',
  table: 'target   req/s\nbare      4000\n',
  figures: [
    {
      key: 'api.read.rps-ratio',
      label: 'tenants-api read: req/s vs bare',
      value: 78,
      unit: '%',
      checked: { better: 'higher' },
      goal: { op: '>=', value: 90 },
    },
    { key: 'api.cold-start', label: 'cold start', value: 800, unit: 'ms', goal: { op: '<=', value: 1000 } },
  ],
  notes: ['The profile shows JSON serialisation.'],
};

const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  date: '2026-12-03T10:00:00.000Z',
  machine: { cpus: 2, model: 'Test CPU', memoryGb: 8, node: 'v20.19.0', os: 'Linux 6 x64' },
  commit: 'abc1234',
  command: 'npm run bench',
  quick: false,
  runs: [
    { name: 'api', title: api.title, seconds: 61.4, outcome: { section: api } },
    { name: 'sites', title: 'Sites', seconds: 12, outcome: { error: 'Error: npm start exited with 1' } },
  ],
  check: null,
  chartFile: 'report.svg',
  ...overrides,
});

describe('renderReport', () => {
  it('says when, on what machine and commit, and which sections ran for how long', () => {
    const report = renderReport(input());
    expect(report).toContain('- Date: 2026-12-03T10:00:00.000Z');
    expect(report).toContain('- Machine: 2 × Test CPU, 8 GB, Node v20.19.0, Linux 6 x64');
    expect(report).toContain('- Commit: abc1234');
    expect(report).toContain('- Sections: api (61 s), sites (12 s, FAILED); 73 s in all');
    expect(report).not.toContain('Quick run');
    expect(renderReport(input({ quick: true }))).toContain('- **Quick run** (`--quick`)');
  });

  it('tables the goals with met or missed by how much', () => {
    const report = renderReport(input());
    expect(report).toContain('| tenants-api read: req/s vs bare | 78 % | >= 90 % | **missed by 13 %** |');
    expect(report).toContain('| cold start | 800 ms | <= 1000 ms | met |');
  });

  it("puts each section's table in a code block with its notes, and a failed section's error", () => {
    const report = renderReport(input());
    expect(report).toContain(
      '## API services vs bare handlers\n\n```\ntarget   req/s\nbare      4000\n```\n\nThe profile shows JSON serialisation.\n',
    );
    expect(report).toContain('## Sites\n\nFailed after 12 s:\n\n```\nError: npm start exited with 1\n```');
  });

  it('embeds the chart and lists every figure with whether --check compares it', () => {
    const report = renderReport(input());
    expect(report).toContain('![The figures against their goals](report.svg)');
    expect(report).toContain('| `api.read.rps-ratio` | 78 % | higher is better |');
    expect(report).toContain('| `api.cold-start` | 800 ms |  |');
    expect(renderReport(input({ chartFile: null }))).not.toContain('![');
  });

  it('quotes the baseline check when there was one', () => {
    const report = renderReport(
      input({
        check: {
          regressions: [
            { key: 'api.read.rps-ratio', label: 'read', baseline: 100, value: 78, worseByPercent: 22 },
          ],
          newKeys: [],
          missingKeys: [],
          passed: 3,
        },
      }),
    );
    expect(report).toContain('## Against the baseline');
    expect(report).toContain('- REGRESSION api.read.rps-ratio (read): 78 vs baseline 100, worse by 22 %');
    expect(report).toContain('- 3 checked figure(s) within 20 % of the baseline, 1 regression(s)');
  });
});
