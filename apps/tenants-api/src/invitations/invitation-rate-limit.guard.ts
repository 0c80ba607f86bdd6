import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '@bbws/shared-errors';
import { token } from '@bbws/shared-util';
import type { FixedWindowLimiter } from './fixed-window.limiter';

export const INVITATION_RATE_LIMITER = token<FixedWindowLimiter>('INVITATION_RATE_LIMITER');

/**
 * Per client IP on the public invitation-token routes (API.md: 10/min): 429 RATE_LIMITED with
 * Retry-After past the limit, and the usual X-RateLimit-* headers on every answer.
 */
@Injectable()
export class InvitationRateLimitGuard implements CanActivate {
  constructor(@Inject(INVITATION_RATE_LIMITER) private readonly limiter: FixedWindowLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const decision = this.limiter.hit(request.ip);
    void reply.headers({
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.resetSeconds),
    });
    if (!decision.allowed) throw new RateLimitedError(decision.resetSeconds);
    return true;
  }
}
