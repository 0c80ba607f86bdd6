import type { BenchFigure } from '../bench-section';

export interface GoalOutcome {
  met: boolean;
  /** How far from the goal, relative to it, in percent (0 when met). */
  missedByPercent: number;
  /** `met`, or `missed by 12 %`. */
  verdict: string;
}

/** Whether a figure meets its goal and, when not, by how much (relative to the goal). */
export function evaluateGoal(value: number, goal: NonNullable<BenchFigure['goal']>): GoalOutcome {
  const met = goal.op === '>=' ? value >= goal.value : value <= goal.value;
  if (met) return { met, missedByPercent: 0, verdict: 'met' };
  // A goal of 0 (errors, lost operations) is missed by any amount: no percentage of it makes sense.
  if (goal.value === 0)
    return { met, missedByPercent: Number.POSITIVE_INFINITY, verdict: `missed: ${value}, not 0` };
  const missedByPercent = (Math.abs(value - goal.value) / Math.abs(goal.value)) * 100;
  return { met, missedByPercent, verdict: `missed by ${roundPercent(missedByPercent)} %` };
}

/** One decimal under 10 %, whole percents above: "missed by 3.4 %", "missed by 27 %". */
export function roundPercent(percent: number): string {
  return percent < 10 ? percent.toFixed(1) : percent.toFixed(0);
}
