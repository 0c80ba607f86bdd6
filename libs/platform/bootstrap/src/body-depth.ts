import type { FastifyInstance } from 'fastify';
import { ValidationError } from '@bbws/shared-errors';

/** No request body of ours nests deeper than this; deeper ones would only exhaust the stack of the validators. */
export const MAX_BODY_DEPTH = 32;

export class BodyTooDeepError extends ValidationError {
  constructor(max: number) {
    super(`The request body nests deeper than ${max} levels`, [], 'BODY_TOO_DEEP');
  }
}

/** Whether a parsed JSON value nests objects/arrays deeper than `max` (`{"a":[1]}` is 2). Iterative: no recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Refuses too deeply nested bodies right after parsing, before validation or any handler walks them. */
export function refuseDeepBodies(fastify: FastifyInstance, max = MAX_BODY_DEPTH): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    done(nestsDeeperThan(request.body, max) ? new BodyTooDeepError(max) : undefined);
  });
}
