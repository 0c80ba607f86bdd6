import { normalizeEmail } from '@bbws/shared-util';

/** Key layouts of the local directory's items in the tenants table (DATA.md). */
export const localUserKeys = {
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  byEmail: (email: string) => ({ GSI1PK: `EMAIL#${normalizeEmail(email)}`, GSI1SK: 'USER' }),
  emailGuard: (email: string) => ({ PK: `USEREMAIL#${normalizeEmail(email)}`, SK: 'GUARD' }),
};
