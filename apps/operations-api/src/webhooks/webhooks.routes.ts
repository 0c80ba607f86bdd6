/** Every href of the webhooks routes. */
export const webhookRoutes = {
  collection: (tenantId: string) => `/v1.0/tenants/${tenantId}/webhooks`,
  webhook: (tenantId: string, webhookId: string) => `/v1.0/tenants/${tenantId}/webhooks/${webhookId}`,
  deliveries: (tenantId: string, webhookId: string) =>
    `/v1.0/tenants/${tenantId}/webhooks/${webhookId}/deliveries`,
};
