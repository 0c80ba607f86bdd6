export const webhookKeys = {
  webhook: (tenantId: string, webhookId: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `WEBHOOK#${webhookId}`,
  }),
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  /** Not under `webhookPrefix`, so lists and counts of subscriptions never see it. */
  counter: (tenantId: string) => ({ PK: `TENANT#${tenantId}`, SK: 'WEBHOOKCOUNT' }),
  webhookPrefix: 'WEBHOOK#',
  delivery: (webhookId: string, createdAt: string, deliveryId: string) => ({
    PK: `WEBHOOK#${webhookId}`,
    SK: `DELIVERY#${createdAt}#${deliveryId}`,
  }),
  deliveryPartition: (webhookId: string) => `WEBHOOK#${webhookId}`,
  deliveryPrefix: 'DELIVERY#',
};
