import type { BenchFigure } from '../bench-section';
import { roundPercent } from './goal';

/** bench/baseline.json: the `checked` figures of a reference run, keyed by figure key. */
export interface Baseline {
  date: string;
  commit: string;
  machine: string;
  figures: Record<string, number>;
}

export interface Regression {
  key: string;
  label: string;
  baseline: number;
  value: number;
  /** How far it moved in its worse direction, in percent of the baseline. */
  worseByPercent: number;
}

export interface BaselineCheck {
  regressions: Regression[];
  /** Checked figures of this run the baseline does not have: reported, never a failure. */
  newKeys: string[];
  /** Baseline figures this run did not measure (a section not run, or failed): reported, not compared. */
  missingKeys: string[];
  /** Checked figures compared and within the tolerance. */
  passed: number;
  /** Beyond the tolerance at first, within it when their section was measured again: noise, not a failure. */
  notReproduced?: Regression[];
}

/** A figure that moved further than this, in its worse direction, is a regression. */
export const REGRESSION_TOLERANCE_PERCENT = 20;

/**
 * Compares this run's `checked` figures (ratios and counts) with the baseline. Figures without
 * `checked` (absolute times and sizes) are never compared.
 */
export function checkAgainstBaseline(figures: BenchFigure[], baseline: Baseline): BaselineCheck {
  const check: BaselineCheck = { regressions: [], newKeys: [], missingKeys: [], passed: 0 };
  const measured = new Set(figures.filter((figure) => figure.checked).map((figure) => figure.key));
  check.missingKeys = Object.keys(baseline.figures).filter((key) => !measured.has(key));
  for (const figure of figures) {
    if (!figure.checked) continue;
    const reference = baseline.figures[figure.key];
    if (reference === undefined) {
      check.newKeys.push(figure.key);
      continue;
    }
    const worseByPercent = worsening(figure.value, reference, figure.checked.better);
    if (worseByPercent > REGRESSION_TOLERANCE_PERCENT) {
      check.regressions.push({
        key: figure.key,
        label: figure.label,
        baseline: reference,
        value: figure.value,
        worseByPercent,
      });
    } else {
      check.passed += 1;
    }
  }
  return check;
}

/**
 * Percent the value moved in its worse direction from the reference (0 when it moved the better way).
 * From a reference of 0, any worsening is infinite: a count that was 0 must stay 0.
 */
function worsening(value: number, reference: number, better: 'higher' | 'lower'): number {
  const worse = better === 'higher' ? reference - value : value - reference;
  if (worse <= 0) return 0;
  if (reference === 0) return Number.POSITIVE_INFINITY;
  return (worse / Math.abs(reference)) * 100;
}

/** The lines `--check` prints (and REPORT.md quotes): each regression, the new figures, the count passed. */
export function describeCheck(check: BaselineCheck): string[] {
  const lines = check.regressions.map(
    (regression) =>
      `REGRESSION ${regression.key} (${regression.label}): ${regression.value} vs baseline ${regression.baseline}, ` +
      `worse by ${Number.isFinite(regression.worseByPercent) ? `${roundPercent(regression.worseByPercent)} %` : 'more than 100 % (baseline 0)'}`,
  );
  for (const first of check.notReproduced ?? []) {
    lines.push(
      `not reproduced: ${first.key} was ${first.value} (baseline ${first.baseline}) at first; measured again, it is within ${REGRESSION_TOLERANCE_PERCENT} %`,
    );
  }
  if (check.newKeys.length > 0) lines.push(`new (not in the baseline): ${check.newKeys.join(', ')}`);
  if (check.missingKeys.length > 0) {
    lines.push(`not measured in this run: ${check.missingKeys.join(', ')}`);
  }
  lines.push(
    `${check.passed} checked figure(s) within ${REGRESSION_TOLERANCE_PERCENT} % of the baseline, ` +
      `${check.regressions.length} regression(s)`,
  );
  return lines;
}

/**
 * The baseline this run would write: its `checked` figures. When only some sections ran (`--only`),
 * the figures of the others are kept from the previous baseline.
 */
export function nextBaseline(
  figures: BenchFigure[],
  meta: Omit<Baseline, 'figures'>,
  previous: Baseline | null,
  partialRun: boolean,
): Baseline {
  const measured = Object.fromEntries(
    figures.filter((figure) => figure.checked).map((figure) => [figure.key, round(figure.value)]),
  );
  const kept = partialRun && previous ? previous.figures : {};
  const merged = { ...kept, ...measured };
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((key) => [key, merged[key]]),
  );
  return { ...meta, figures: sorted };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A regression must reproduce: the sections owning the first check's regressions were run again, and a
 * figure fails only if the second measurement is beyond the tolerance too. `again` is the re-run's check.
 */
export function confirmRegressions(first: BaselineCheck, again: BaselineCheck): BaselineCheck {
  const confirmedKeys = new Set(again.regressions.map((regression) => regression.key));
  const notReproduced = first.regressions.filter((regression) => !confirmedKeys.has(regression.key));
  return {
    ...again,
    regressions: again.regressions,
    notReproduced: [...(again.notReproduced ?? []), ...notReproduced],
  };
}
