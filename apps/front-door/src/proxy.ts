import type { FastifyReply, FastifyRequest } from 'fastify';
import { UpstreamError, UpstreamTimeoutError } from '@bbws/shared-errors';
import { sendError } from './front-door.errors';

/**
 * Forwards the request as it came (method, headers, raw body stream) to `target` and streams the
 * answer back. Like API Gateway it neither retries nor rewrites the upstream's answer; an upstream
 * that is down becomes a 502 (504 on timeout) in the API error envelope.
 */
export function proxy(
  request: FastifyRequest,
  reply: FastifyReply,
  target: string,
  upstreamName: string,
): FastifyReply {
  return reply.from(target, {
    retryDelay: () => null,
    rewriteRequestHeaders: (_original, headers) => ({
      ...headers,
      'x-request-id': String(request.id),
      'x-forwarded-for': [headers['x-forwarded-for'], request.ip].filter(Boolean).join(', '),
      'x-forwarded-proto': request.protocol,
      'x-forwarded-host': request.host,
    }),
    onError: (failedReply, { error }) => {
      const timedOut = (error as { statusCode?: number }).statusCode === 504;
      request.log.warn({ err: error, upstream: upstreamName }, 'upstream failed');
      sendError(
        request,
        failedReply,
        timedOut
          ? new UpstreamTimeoutError(`${upstreamName} did not answer in time`)
          : new UpstreamError(`${upstreamName} is not reachable (is it running?)`, { retryable: true }),
      );
    },
  });
}
