import type { BenchSection } from '../bench-section';
import { describeCheck, type BaselineCheck } from './baseline';
import { formatValue } from './figure-format';
import { evaluateGoal } from './goal';
import { machineLine, type MachineInfo } from './machine';

export interface SectionRun {
  name: string;
  title: string;
  seconds: number;
  /** The section's result, or why it failed. */
  outcome: { section: BenchSection } | { error: string };
}

export interface ReportInput {
  date: string;
  machine: MachineInfo;
  commit: string;
  command: string;
  /** `--quick`: shortened rounds, figures for a smoke test only. */
  quick: boolean;
  runs: SectionRun[];
  check: BaselineCheck | null;
  /** The chart's file name next to REPORT.md, or null when there is no chart. */
  chartFile: string | null;
}

/** bench/REPORT.md: where and when, the goals, the baseline check, the chart, then each section. */
export function renderReport(input: ReportInput): string {
  const sections = succeeded(input.runs);
  const lines = [
    '# Benchmark report',
    '',
    `- Date: ${input.date}`,
    `- Machine: ${machineLine(input.machine)}`,
    `- Commit: ${input.commit}`,
    `- Command: \`${input.command}\``,
    `- Sections: ${input.runs.map((run) => `${run.name} (${Math.round(run.seconds)} s${'error' in run.outcome ? ', FAILED' : ''})`).join(', ')}; ${Math.round(input.runs.reduce((sum, run) => sum + run.seconds, 0))} s in all`,
    ...(input.quick
      ? ['- **Quick run** (`--quick`): shortened rounds, a smoke test; its figures are not comparable.']
      : []),
    '',
    ...goalsTable(sections),
    ...(input.check
      ? ['## Against the baseline', '', ...describeCheck(input.check).map((line) => `- ${line}`), '']
      : []),
    ...(input.chartFile
      ? ['## Chart', '', `![The figures against their goals](${input.chartFile})`, '']
      : []),
  ];
  for (const run of input.runs) {
    lines.push(`## ${run.title}`, '');
    if ('error' in run.outcome) {
      lines.push(`Failed after ${Math.round(run.seconds)} s:`, '', '```', run.outcome.error, '```', '');
      continue;
    }
    const { section } = run.outcome;
    lines.push('```', section.table.trimEnd(), '```', '');
    for (const note of section.notes ?? []) lines.push(note, '');
  }
  lines.push(...figuresTable(sections));
  return `${lines.join('\n').trimEnd()}\n`;
}

function succeeded(runs: SectionRun[]): BenchSection[] {
  return runs.flatMap((run) => ('section' in run.outcome ? [run.outcome.section] : []));
}

function goalsTable(sections: BenchSection[]): string[] {
  const rows = sections.flatMap((section) =>
    section.figures.flatMap((figure) => {
      if (!figure.goal) return [];
      const outcome = evaluateGoal(figure.value, figure.goal);
      return [
        `| ${figure.label} | ${formatValue(figure.value, figure.unit)} | ${figure.goal.op} ${formatValue(figure.goal.value, figure.unit)} | ${outcome.met ? 'met' : `**${outcome.verdict}**`} |`,
      ];
    }),
  );
  if (rows.length === 0) return [];
  return ['## Goals', '', '| figure | value | goal | |', '| --- | ---: | ---: | --- |', ...rows, ''];
}

function figuresTable(sections: BenchSection[]): string[] {
  const rows = sections.flatMap((section) =>
    section.figures.map(
      (figure) =>
        `| \`${figure.key}\` | ${formatValue(figure.value, figure.unit)} | ${figure.checked ? `${figure.checked.better} is better` : ''} |`,
    ),
  );
  if (rows.length === 0) return [];
  return [
    '## All figures',
    '',
    '`checked` figures (ratios and counts) are compared with bench/baseline.json by `npm run bench -- --check`.',
    '',
    '| key | value | checked |',
    '| --- | ---: | --- |',
    ...rows,
    '',
  ];
}
