import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

const TOKEN_IN_PATH = /^(\/v1\.0\/invitations\/)[^/?#]+/;

export function redactInvitationToken(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]');
}

/**
 * The token routes carry the raw token in the path, and the request log line (and the error
 * filter) log the URL. Once Fastify has routed the request (the token is already in the params),
 * the URL is rewritten so that no log line can hold the token.
 */
@Injectable()
export class InvitationTokenRedactionMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { originalUrl?: string }, _response: unknown, next: () => void): void {
    if (request.url) request.url = redactInvitationToken(request.url);
    // The middleware runner restores `url` from `originalUrl` after each middleware.
    if (request.originalUrl) request.originalUrl = redactInvitationToken(request.originalUrl);
    next();
  }
}
