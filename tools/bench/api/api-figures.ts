import type { BenchFigure } from '../bench-section';
import type { MeasuredRoute } from './api-routes';
import type { LoadResult } from './load-run';

export const RPS_GOAL_PERCENT = 90;
export const P99_GOAL_RATIO = 1.25;

export interface RouteOutcome {
  route: MeasuredRoute;
  bare: LoadResult;
  api: LoadResult;
}

export function rpsRatioPercent(outcome: RouteOutcome): number {
  return (outcome.api.requestsPerSecond / Math.max(outcome.bare.requestsPerSecond, 1e-9)) * 100;
}

export function p99Ratio(outcome: RouteOutcome): number {
  return outcome.api.p99 / Math.max(outcome.bare.p99, 1);
}

export function cpuRatio(outcome: RouteOutcome): number {
  return outcome.api.cpuMsPerRequest / outcome.bare.cpuMsPerRequest;
}

/** The ratios (checked against the baseline, with the goals) and the failures of each route. */
export function apiFigures(outcomes: RouteOutcome[]): BenchFigure[] {
  return outcomes.flatMap((outcome) => {
    const { service, kind, label } = outcome.route;
    const key = `${service}.${kind}`;
    return [
      {
        key: `${key}.rps-ratio`,
        label: `${service} ${label}: req/s vs bare`,
        value: round(rpsRatioPercent(outcome), 1),
        unit: '%',
        checked: { better: 'higher' },
        goal: { op: '>=', value: RPS_GOAL_PERCENT },
        chart: 'api',
      },
      {
        key: `${key}.p99-ratio`,
        label: `${service} ${label}: p99 vs bare`,
        value: round(p99Ratio(outcome), 2),
        unit: 'x',
        checked: { better: 'lower' },
        goal: { op: '<=', value: P99_GOAL_RATIO },
        chart: 'api',
      },
      ...(Number.isFinite(cpuRatio(outcome))
        ? [
            {
              key: `${key}.cpu-ratio`,
              label: `${service} ${label}: server CPU per request vs bare`,
              value: round(cpuRatio(outcome), 2),
              unit: 'x',
              checked: { better: 'lower' as const },
            },
          ]
        : []),
      {
        key: `${key}.failed`,
        label: `${service} ${label}: non-2xx and errors (API and bare)`,
        value: outcome.api.failed + outcome.bare.failed,
        unit: 'calls',
        goal: { op: '<=', value: 0 },
      },
    ] satisfies BenchFigure[];
  });
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** One line per route: both targets' rate and p99, the ratios, and the failures. */
export function apiTable(outcomes: RouteOutcome[], settings: string): string {
  const head = [
    'route'.padEnd(52),
    'bare r/s'.padStart(8),
    'api r/s'.padStart(8),
    'ratio'.padStart(7),
    'bare p99'.padStart(9),
    'api p99'.padStart(8),
    'p99 x'.padStart(6),
    'CPU ms/req bare/api'.padStart(19),
    'fail'.padStart(5),
  ].join(' ');
  const rows = outcomes.map((outcome) => {
    const { bare, api } = outcome;
    return [
      `${outcome.route.service} ${outcome.route.label}`.padEnd(52),
      bare.requestsPerSecond.toFixed(0).padStart(8),
      api.requestsPerSecond.toFixed(0).padStart(8),
      `${rpsRatioPercent(outcome).toFixed(1)}%`.padStart(7),
      `${bare.p99.toFixed(0)} ms`.padStart(9),
      `${api.p99.toFixed(0)} ms`.padStart(8),
      `${p99Ratio(outcome).toFixed(2)}x`.padStart(6),
      `${bare.cpuMsPerRequest.toFixed(2)} / ${api.cpuMsPerRequest.toFixed(2)}`.padStart(19),
      String(api.failed + bare.failed).padStart(5),
    ].join(' ');
  });
  return [
    settings,
    `goals: api >= ${RPS_GOAL_PERCENT}% of the bare handler's req/s, p99 <= ${P99_GOAL_RATIO}x; CPU ms/req: the server process's CPU time per answered request; fail = non-2xx + errors of both (must be 0)`,
    head,
    ...rows,
  ].join('\n');
}

/** A note per route missing a goal, saying by how much, and one per route with failed requests. */
export function missedGoalNotes(outcomes: RouteOutcome[]): string[] {
  return outcomes.flatMap((outcome) => {
    const name = `${outcome.route.service} ${outcome.route.label}`;
    const ratio = rpsRatioPercent(outcome);
    const p99 = p99Ratio(outcome);
    const misses = [
      ...(ratio < RPS_GOAL_PERCENT ? [`req/s ${ratio.toFixed(1)}% of bare (goal ${RPS_GOAL_PERCENT}%)`] : []),
      ...(p99 > P99_GOAL_RATIO ? [`p99 ${p99.toFixed(2)}x of bare (goal ${P99_GOAL_RATIO}x)`] : []),
    ];
    const failed = (['bare', 'api'] as const).flatMap((target) =>
      Object.entries(outcome[target].failures).map(
        ([status, { count, sample }]) => `${target} answered ${status} ${count} times (e.g. ${sample})`,
      ),
    );
    return [
      ...(misses.length ? [`${name} misses: ${misses.join('; ')}.`] : []),
      ...(failed.length ? [`${name} failures: ${failed.join('; ')}.`] : []),
    ];
  });
}
