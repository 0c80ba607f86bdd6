import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '@bbws/shared-errors';
import { ApiErrors } from './api-errors.decorator';

/**
 * The version the caller says it read, from `If-Match: "<version>"` (weak tags accepted); undefined
 * when absent or `*`. A malformed header is a 400.
 */
export const IfMatch = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (header === undefined || header === '*') return undefined;
    const match = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim()) : null;
    if (!match) throw ValidationError.field('If-Match', 'must be an ETag like "3"');
    return Number(match[1]);
  },
);

/** Documents `If-Match` on a route that takes `@IfMatch()` (412 when stale). */
export const ApiIfMatch = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag ("<version>") you read; 412 if stale',
    }),
    ApiErrors(412),
  );

export function etag(version: number): string {
  return `"${version}"`;
}
