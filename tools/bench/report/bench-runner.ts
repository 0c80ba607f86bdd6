import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bench, BenchSection } from '../bench-section';
import {
  checkAgainstBaseline,
  confirmRegressions,
  describeCheck,
  nextBaseline,
  type Baseline,
  type BaselineCheck,
} from './baseline';
import { parseBenchArgs } from './bench-options';
import { chartPanels, chartSpec } from './chart-spec';
import { renderSvg } from './chart.renderer';
import { formatValue } from './figure-format';
import { evaluateGoal } from './goal';
import { describeMachine, gitCommit, machineLine } from './machine';
import { renderReport, type SectionRun } from './report-markdown';

export interface RegisteredBench {
  name: string;
  title: string;
  run: Bench;
}

export interface BenchRunContext {
  distRoot: string;
  repoRoot: string;
  /** Where REPORT.md, report.svg and baseline.json live (bench/ at the repository root). */
  outDir: string;
  log: (line: string) => void;
}

export const REPORT_FILE = 'REPORT.md';
export const CHART_FILE = 'report.svg';
export const BASELINE_FILE = 'baseline.json';

/**
 * Runs the selected benchmarks in turn (each table printed as it finishes, with its wall time), then
 * the goals, the baseline check, the report and the chart. Resolves to the exit code: 1 when a section
 * failed or a checked figure regressed, 2 on a usage error.
 */
export async function runBench(
  benches: RegisteredBench[],
  args: string[],
  context: BenchRunContext,
): Promise<number> {
  const { log } = context;
  let options;
  try {
    options = parseBenchArgs(
      args,
      benches.map((bench) => bench.name),
    );
  } catch (error) {
    log((error as Error).message);
    return 2;
  }
  if (options.quick) process.env.BENCH_QUICK = '1';
  const baselinePath = path.join(context.outDir, BASELINE_FILE);
  const baseline = existsSync(baselinePath)
    ? (JSON.parse(await readFile(baselinePath, 'utf8')) as Baseline)
    : null;
  if (options.check && !baseline) {
    log(`--check: no ${path.relative(context.repoRoot, baselinePath)}; write one with --write-baseline`);
    return 2;
  }
  const machine = describeMachine();
  log(
    `bench on ${machineLine(machine)}${options.quick ? ' (quick: shortened rounds, figures not comparable)' : ''}`,
  );

  const started = Date.now();
  const selected = benches.filter((entry) => !options.only || options.only.includes(entry.name));
  let runs: SectionRun[] = [];
  for (const bench of selected) runs.push(await runSection(bench, context));

  let check: BaselineCheck | null = null;
  if (options.check && baseline) {
    check = checkAgainstBaseline(figuresOf(runs), baseline);
    // These machines are noisy: a figure beyond the tolerance is measured again (its section re-run
    // once) and counts as a regression only if the second measurement is beyond it too.
    const regressed = new Set(check.regressions.map((regression) => regression.key));
    const owners = new Set(
      runs
        .filter(
          (run) =>
            'section' in run.outcome &&
            run.outcome.section.figures.some((figure) => regressed.has(figure.key)),
        )
        .map((run) => run.name),
    );
    if (owners.size > 0) {
      log(
        `\n${check.regressions.length} figure(s) beyond the tolerance: measuring ${[...owners].join(', ')} again`,
      );
      const again: SectionRun[] = [];
      for (const bench of selected.filter((entry) => owners.has(entry.name))) {
        again.push(await runSection(bench, context));
      }
      runs = runs.map((run) => again.find((rerun) => rerun.name === run.name) ?? run);
      check = confirmRegressions(check, checkAgainstBaseline(figuresOf(runs), baseline));
    }
  }
  const sections = runs.flatMap((run) => ('section' in run.outcome ? [run.outcome.section] : []));
  const figures = figuresOf(runs);
  log(`\n== goals ==\n${goalLines(sections).join('\n') || '(no figure with a goal)'}`);
  if (check && baseline) {
    log(
      `\n== against ${BASELINE_FILE} (${baseline.commit}, ${baseline.date}) ==\n${describeCheck(check).join('\n')}`,
    );
  }

  const date = new Date().toISOString();
  const commit = gitCommit(context.repoRoot);
  if (options.write) {
    await mkdir(context.outDir, { recursive: true });
    const panels = chartPanels(sections);
    let chartFile: string | null = null;
    if (panels.length > 0) {
      const svg = renderSvg(
        chartSpec(panels, `npm run bench, ${commit}, ${date.slice(0, 10)}`),
        context.repoRoot,
      );
      await writeFile(path.join(context.outDir, CHART_FILE), svg);
      chartFile = CHART_FILE;
    }
    const report = renderReport({
      date,
      machine,
      commit,
      command: ['npm run bench', ...(args.length ? ['--', ...args] : [])].join(' '),
      quick: options.quick,
      runs,
      check,
      chartFile,
    });
    await writeFile(path.join(context.outDir, REPORT_FILE), report);
    log(
      `\nwrote ${path.relative(context.repoRoot, path.join(context.outDir, REPORT_FILE))}${chartFile ? ` and ${CHART_FILE}` : ''}`,
    );
  }
  if (options.writeBaseline) {
    const next = nextBaseline(
      figures,
      { date, commit, machine: machineLine(machine) },
      baseline,
      options.only !== null,
    );
    await writeFile(baselinePath, `${JSON.stringify(next, null, 2)}\n`);
    log(
      `wrote ${path.relative(context.repoRoot, baselinePath)} (${Object.keys(next.figures).length} figures)`,
    );
  }
  log(
    `\nbench: ${((Date.now() - started) / 1000).toFixed(0)} s in all (${runs.map((run) => `${run.name} ${run.seconds.toFixed(0)} s`).join(', ')})`,
  );
  const failed = runs.filter((run) => 'error' in run.outcome).map((run) => run.name);
  if (failed.length > 0) log(`failed section(s): ${failed.join(', ')}`);
  return failed.length > 0 || (check?.regressions.length ?? 0) > 0 ? 1 : 0;
}

async function runSection(bench: RegisteredBench, context: BenchRunContext): Promise<SectionRun> {
  const { log } = context;
  log(`\n== ${bench.title} ==`);
  const sectionStarted = Date.now();
  try {
    const section = await bench.run({ distRoot: context.distRoot, repoRoot: context.repoRoot });
    const seconds = (Date.now() - sectionStarted) / 1000;
    log(section.table.trimEnd());
    for (const note of section.notes ?? []) log(`note: ${note}`);
    log(`(${bench.name}: ${seconds.toFixed(0)} s)`);
    return { name: bench.name, title: section.title, seconds, outcome: { section } };
  } catch (error) {
    const seconds = (Date.now() - sectionStarted) / 1000;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`FAILED after ${seconds.toFixed(0)} s: ${message}`);
    return { name: bench.name, title: bench.title, seconds, outcome: { error: message } };
  }
}

function figuresOf(runs: SectionRun[]) {
  return runs.flatMap((run) => ('section' in run.outcome ? run.outcome.section.figures : []));
}

function goalLines(sections: BenchSection[]): string[] {
  return sections.flatMap((section) =>
    section.figures.flatMap((figure) =>
      figure.goal
        ? [
            `${figure.label}: ${formatValue(figure.value, figure.unit)} (goal ${figure.goal.op} ${formatValue(figure.goal.value, figure.unit)}): ${evaluateGoal(figure.value, figure.goal).verdict}`,
          ]
        : [],
    ),
  );
}
