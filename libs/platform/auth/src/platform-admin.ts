import { ForbiddenError } from '@bbws/shared-errors';
import type { Caller } from './caller';

export function requirePlatformAdmin(caller: Caller): void {
  if (!caller.isPlatformAdmin) throw new ForbiddenError('This action is for platform administrators');
}
