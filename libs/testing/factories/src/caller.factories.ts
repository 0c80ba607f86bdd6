import { randomUUID } from 'node:crypto';
import type { Caller } from '@bbws/platform-auth';

/** An authenticated caller with a fresh id (not a platform admin unless overridden). */
export function buildCaller(overrides: Partial<Caller> = {}): Caller {
  const userId = overrides.userId ?? randomUUID();
  return {
    userId,
    email: `${userId}@example.com`,
    emailVerified: true,
    name: userId,
    isPlatformAdmin: false,
    ...overrides,
  };
}
