/** The authenticated caller, from a verified token. */
export interface Caller {
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

export const PLATFORM_ADMIN_GROUP = 'platform-admin';
