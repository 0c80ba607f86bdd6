import autocannon from 'autocannon';
import type { RequestSource } from './api-routes';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time the server spent per answered request (ms): less noisy than rates on a shared machine. */
  cpuMsPerRequest: number;
  /** Answers outside 2xx plus connection errors and timeouts: a passing run has none. */
  failed: number;
  /** Status codes outside 2xx with one answer each, to tell why. */
  failures: Record<number, { count: number; sample: string }>;
}

/** One autocannon run at a fixed connection count; each request comes from `source`. */
export async function loadRun(options: {
  baseUrl: string;
  token: string;
  source: RequestSource;
  seconds: number;
  connections: number;
  /** The server's CPU time so far (ms). */
  serverCpuMs: () => number;
}): Promise<LoadResult> {
  const failures: LoadResult['failures'] = {};
  const cpuBefore = options.serverCpuMs();
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request, context) => ({
          ...request,
          ...options.source.next(context as Record<string, unknown>),
        }),
        onResponse: (status, body, context) => {
          options.source.answered?.(context as Record<string, unknown>);
          if (status >= 200 && status < 300) return;
          const seen = (failures[status] ??= { count: 0, sample: body.slice(0, 300) });
          seen.count += 1;
        },
      },
    ],
  });
  const cpuMs = options.serverCpuMs() - cpuBefore;
  return {
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest: cpuMs / Math.max(result.requests.total, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    failures,
  };
}

/** Mean of the rounds' rates and percentiles; failures summed. */
export function meanOf(rounds: LoadResult[]): LoadResult {
  const average = (pick: (r: LoadResult) => number) =>
    rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
  return {
    requestsPerSecond: average((r) => r.requestsPerSecond),
    p50: average((r) => r.p50),
    p99: average((r) => r.p99),
    cpuMsPerRequest: average((r) => r.cpuMsPerRequest),
    failed: rounds.reduce((sum, r) => sum + r.failed, 0),
    failures: Object.assign({}, ...rounds.map((r) => r.failures)),
  };
}
