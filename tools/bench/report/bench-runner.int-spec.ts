import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchSection } from '../bench-section';
import { runBench, type RegisteredBench } from './bench-runner';

const repoRoot = path.resolve(__dirname, '../../..');

function section(name: string, rpsRatio: number): BenchSection {
  return {
    name,
    title: `${name} section`,
    table: `${name} table`,
    figures: [
      {
        key: `${name}.rps-ratio`,
        label: `${name} req/s vs bare`,
        value: rpsRatio,
        unit: '%',
        checked: { better: 'higher' },
        goal: { op: '>=', value: 90 },
        chart: 'api',
      },
    ],
  };
}

describe('runBench', () => {
  let outDir: string;
  let lines: string[];
  let ratio: number;
  /** Ratios the api section returns on its next runs, in turn (then `ratio`). */
  let nextRatios: number[];
  let apiRuns: number;
  let quickSeen: string | undefined;
  const benches: RegisteredBench[] = [
    {
      name: 'api',
      title: 'api',
      run: async () => {
        quickSeen = process.env.BENCH_QUICK;
        apiRuns += 1;
        return section('api', nextRatios.shift() ?? ratio);
      },
    },
    { name: 'lists', title: 'lists', run: async () => section('lists', 95) },
    {
      name: 'broken',
      title: 'a broken section',
      run: async () => {
        throw new Error('engine did not start');
      },
    },
  ];
  const run = (args: string[]) =>
    runBench(benches, args, { distRoot: repoRoot, repoRoot, outDir, log: (line) => lines.push(line) });

  beforeEach(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'bench-runner-'));
    lines = [];
    ratio = 92;
    nextRatios = [];
    apiRuns = 0;
    delete process.env.BENCH_QUICK;
  });
  afterEach(async () => {
    delete process.env.BENCH_QUICK;
    await rm(outDir, { recursive: true, force: true });
  });

  it('runs the sections named, writes the report with the chart and the baseline, and passes the next --check', async () => {
    expect(await run(['--only=api,lists', '--write-baseline', '--quick'])).toBe(0);
    expect(quickSeen).toBe('1');
    const report = await readFile(path.join(outDir, 'REPORT.md'), 'utf8');
    expect(report).toContain('## api section\n\n```\napi table\n```');
    expect(report).toContain('![The figures against their goals](report.svg)');
    expect(report).not.toContain('a broken section');
    expect(await readFile(path.join(outDir, 'report.svg'), 'utf8')).toContain('>api req/s vs bare</text>');
    const baseline = JSON.parse(await readFile(path.join(outDir, 'baseline.json'), 'utf8'));
    expect(baseline.figures).toEqual({ 'api.rps-ratio': 92, 'lists.rps-ratio': 95 });
    expect(lines).toContain('api table');
    expect(lines.some((line) => /^\(api: \d+ s\)$/.test(line))).toBe(true);

    ratio = 80;
    lines = [];
    expect(await run(['--only=api', '--check', '--no-write'])).toBe(0);
    expect(lines.join('\n')).toContain('1 checked figure(s) within 20 % of the baseline, 0 regression(s)');
  });

  it('fails --check on a ratio that fell more than 20 %, listing it, and writes nothing with --no-write', async () => {
    await writeFile(
      path.join(outDir, 'baseline.json'),
      JSON.stringify({ date: 'd', commit: 'c', machine: 'm', figures: { 'api.rps-ratio': 100 } }),
    );
    ratio = 79;
    expect(await run(['--only=api', '--check', '--no-write'])).toBe(1);
    expect(lines.join('\n')).toContain(
      'REGRESSION api.rps-ratio (api req/s vs bare): 79 vs baseline 100, worse by 21 %',
    );
    expect(existsSync(path.join(outDir, 'REPORT.md'))).toBe(false);
    expect(apiRuns).toBe(2);
    expect(lines.join('\n')).toContain('1 figure(s) beyond the tolerance: measuring api again');
  });

  it('measures a regressed section again and passes when the second measurement is within the tolerance', async () => {
    await writeFile(
      path.join(outDir, 'baseline.json'),
      JSON.stringify({
        date: 'd',
        commit: 'c',
        machine: 'm',
        figures: { 'api.rps-ratio': 100, 'lists.rps-ratio': 95 },
      }),
    );
    nextRatios = [70, 95];
    expect(await run(['--only=api,lists', '--check'])).toBe(0);
    expect(apiRuns).toBe(2);
    const output = lines.join('\n');
    expect(output).toContain(
      'not reproduced: api.rps-ratio was 70 (baseline 100) at first; measured again, it is within 20 %',
    );
    expect(output).toContain('2 checked figure(s) within 20 % of the baseline, 0 regression(s)');
    const report = await readFile(path.join(outDir, 'REPORT.md'), 'utf8');
    expect(report).toContain('| `api.rps-ratio` | 95 % |');
    expect(report).toContain('- not reproduced: api.rps-ratio');
  });

  it('goes on past a failed section, reports it, and exits 1', async () => {
    expect(await run([])).toBe(1);
    expect(lines.join('\n')).toContain('failed section(s): broken');
    const report = await readFile(path.join(outDir, 'REPORT.md'), 'utf8');
    expect(report).toContain('## a broken section\n\nFailed after 0 s:');
    expect(report).toContain('Error: engine did not start');
    expect(report).toContain('## lists section');
  });

  it('refuses --check without a baseline and an unknown section', async () => {
    expect(await run(['--check'])).toBe(2);
    expect(lines[0]).toMatch(/--check: no .*baseline.json; write one with --write-baseline/);
    expect(await run(['--only=tenants'])).toBe(2);
  });
});
