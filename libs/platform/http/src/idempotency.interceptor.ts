import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { IdempotencyDao } from '@bbws/data-access-dynamo';
import { LOGGER } from '@bbws/platform-bootstrap';
import { BusinessRuleError, ConflictError, ValidationError } from '@bbws/shared-errors';
import type { Logger } from '@bbws/shared-logging';
import { token } from '@bbws/shared-util';

export const IDEMPOTENCY_STORE = token<IdempotencyDao>('IDEMPOTENCY_STORE');
export const IDEMPOTENCY_HEARTBEAT_MS = token<number>('IDEMPOTENCY_HEARTBEAT_MS');
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on POSTs: the same key, caller and body within 24 h replays the first response;
 * the same key with another body is a 422; a request still running with that key is a 409.
 * A handler's status is fixed by its @HttpCode, so the replay gets it from the route as well.
 * While the handler runs, a heartbeat extends the claim, so it is only taken over once its holder is gone.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyDao,
    @Inject(IDEMPOTENCY_HEARTBEAT_MS) private readonly heartbeatMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: { userId: string } }>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw ValidationError.field('Idempotency-Key', 'must be 1-128 visible ASCII characters');
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.run(request, reply, header, status, next));
  }

  private async run(
    request: FastifyRequest & { caller?: { userId: string } },
    reply: FastifyReply,
    key: string,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const scope = request.caller?.userId ?? `ip:${request.ip}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const claim = await this.store.begin(scope, key, fingerprint);
    if (!claim.claimed) {
      const existing = claim.record;
      if (existing.fingerprint !== fingerprint) {
        throw new BusinessRuleError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request',
        );
      }
      if (existing.state === 'IN_PROGRESS') {
        throw new ConflictError(
          'IDEMPOTENCY_IN_PROGRESS',
          'A request with this Idempotency-Key is still being processed',
        );
      }
      void reply.headers({ ...existing.response.headers, 'idempotent-replayed': 'true' });
      return existing.response.body;
    }
    const { claimId } = claim;
    const heartbeat = this.startHeartbeat(scope, key, claimId);
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      clearInterval(heartbeat);
      await this.store.release(scope, key, claimId);
      throw error;
    }
    clearInterval(heartbeat);
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    if (!(await this.store.complete(scope, key, claimId, { status, body, headers }))) {
      this.logger.warn(
        { requestId: request.id, scope },
        'idempotency claim lost before completion; response not recorded',
      );
    }
    return body;
  }

  private startHeartbeat(scope: string, key: string, claimId: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      this.store.extend(scope, key, claimId).then(
        (held) => {
          if (!held) clearInterval(timer);
        },
        (error: unknown) =>
          this.logger.warn({ err: error, scope }, 'idempotency claim heartbeat failed; retrying'),
      );
    }, this.heartbeatMs);
    timer.unref();
    return timer;
  }
}
