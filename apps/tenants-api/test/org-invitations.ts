import type { OrgFixture } from './org-fixture';

export interface SentInvitation {
  invitation: any;
  token: string;
}

/** Invites `email` through the API as `adminToken` and reads the token from the email link, as the invitee would. */
export async function invite(
  fx: OrgFixture,
  tenantId: string,
  adminToken: string,
  body: Record<string, unknown>,
): Promise<SentInvitation> {
  const invitation = await fx.expect(201, 'POST', `/v1.0/tenants/${tenantId}/invitations`, adminToken, body);
  return { invitation, token: await fx.mailbox.invitationToken(body.email as string) };
}

export const DAY_MS = 86_400_000;

/** The clock runs: a time computed during a request lies between readings taken before and after it. */
export function expectWithin(iso: string, from: Date, to: Date, offsetMs: number): void {
  const at = Date.parse(iso);
  expect(at).toBeGreaterThanOrEqual(from.getTime() + offsetMs);
  expect(at).toBeLessThanOrEqual(to.getTime() + offsetMs);
}
