/** Every href of the invitations API comes from here (token routes are never linked: tokens are not handed out). */
export const invitationRoutes = {
  collection: (tenantId: string) => `/v1.0/tenants/${tenantId}/invitations`,
  invitation: (tenantId: string, invitationId: string) =>
    `/v1.0/tenants/${tenantId}/invitations/${invitationId}`,
  resend: (tenantId: string, invitationId: string) =>
    `/v1.0/tenants/${tenantId}/invitations/${invitationId}/resend`,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  members: (tenantId: string) => `/v1.0/tenants/${tenantId}/members`,
};
