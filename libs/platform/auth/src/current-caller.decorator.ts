import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '@bbws/shared-errors';
import type { AuthenticatedRequest } from './auth.guard';
import type { Caller } from './caller';

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new UnauthorizedError();
  return caller;
});
