import { createHash } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { IdempotencyDao } from '@bbws/data-access-dynamo';
import { BusinessRuleError, ConflictError, ValidationError } from '@bbws/shared-errors';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on POSTs: the same key, caller and body within 24 h replays the first response;
 * the same key with another body is a 422; a request still running with that key is a 409.
 * A handler's status is fixed by its @HttpCode, so the replay gets it from the route as well.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyDao,
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
    const existing = await this.store.begin(scope, key, fingerprint);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new BusinessRuleError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request');
      }
      if (existing.state === 'IN_PROGRESS') {
        throw new ConflictError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
      }
      void reply.headers({ ...existing.response.headers, 'idempotent-replayed': 'true' });
      return existing.response.body;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.store.release(scope, key);
      throw error;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    await this.store.complete(scope, key, { status, body, headers });
    return body;
  }
}

