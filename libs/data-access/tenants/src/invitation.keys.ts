const partition = (tenantId: string) => `TENANT#${tenantId}`;

export const invitationKeys = {
  invitation: (tenantId: string, invitationId: string) => ({
    PK: partition(tenantId),
    SK: `INV#${invitationId}`,
  }),
  invitationPrefix: 'INV#',
  /** One pending invitation per tenant and email. */
  pendingGuard: (tenantId: string, normalizedEmail: string) => ({
    PK: partition(tenantId),
    SK: `INVGUARD#${normalizedEmail}`,
  }),
  /** Looked up by the SHA-256 of the token; the only way from a token to its invitation. */
  token: (tokenHash: string) => ({ PK: `INVTOKEN#${tokenHash}`, SK: 'TOKEN' }),
  /** GSI1: a tenant's invitations in one stored status, newest first. */
  byStatus: (tenantId: string, status: string) => `INVITES#${tenantId}#${status}`,
  /** GSI2: invitations sent to an email, across tenants. */
  byEmail: (normalizedEmail: string) => `EMAIL#${normalizedEmail}`,
  byEmailSort: (tenantId: string, invitationId: string) => `TENANT#${tenantId}#INV#${invitationId}`,
  /** GSI3: all of a tenant's invitations, newest first. */
  byTenant: (tenantId: string) => `INVITES#${tenantId}`,
  createdSort: (createdAt: string, invitationId: string) => `${createdAt}#${invitationId}`,
  tenantPartition: partition,
};
