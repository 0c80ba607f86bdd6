import { randomUUID } from 'node:crypto';
import { PLATFORM_ADMIN_GROUP } from '@bbws/platform-auth';
import { signTestToken } from '@bbws/testing-engines';

export interface TestUser {
  userId: string;
  email: string;
  name: string;
  token: string;
}

/** A fresh user (unique id and email) with a valid token; platform admins carry the staff group. */
export async function newTestUser(
  options: { name?: string; platformAdmin?: boolean; email?: string; emailVerified?: boolean } = {},
): Promise<TestUser> {
  const userId = randomUUID();
  const name = options.name ?? `User ${userId.slice(0, 8)}`;
  const email = options.email ?? `user-${userId.slice(0, 8)}@example.com`;
  const token = await signTestToken({
    sub: userId,
    email,
    name,
    groups: options.platformAdmin ? [PLATFORM_ADMIN_GROUP] : [],
    emailVerified: options.emailVerified,
  });
  return { userId, email, name, token };
}
