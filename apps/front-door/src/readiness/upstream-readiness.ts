import type { FastifyInstance } from 'fastify';
import { UPSTREAM_APPS, type Upstreams } from '../routing/upstream-apps';

export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

export type UpstreamCheck =
  { name: string; status: 'ok' } | { name: string; status: 'failing'; message: string };

/** Asks every upstream app's `/ready`, each with its own short timeout, all at once. */
export async function checkUpstreams(upstreams: Upstreams, timeoutMs: number): Promise<UpstreamCheck[]> {
  return Promise.all(
    UPSTREAM_APPS.map(async (name): Promise<UpstreamCheck> => {
      try {
        const response = await fetch(`${upstreams[name]}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return response.ok
          ? { name, status: 'ok' }
          : { name, status: 'failing', message: `/ready answered ${response.status}` };
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        return {
          name,
          status: 'failing',
          message: timedOut ? `no answer within ${timeoutMs} ms (timeout)` : describe(error),
        };
      }
    }),
  );
}

/** `/ready`: 200 when every upstream app is ready, else 503 naming the failing ones (the apps' own shape). */
export function registerReadinessRoute(app: FastifyInstance, upstreams: Upstreams, timeoutMs: number): void {
  app.get('/ready', async (_request, reply) => {
    const checks = await checkUpstreams(upstreams, timeoutMs);
    const ready = checks.every((check) => check.status === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks });
  });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
