/** Every href the instances API hands out comes from here. */
export type InstanceActionPath = 'suspend' | 'resume' | 'park' | 'unpark' | 'retry';

const collection = (tenantId: string) => `/v1.0/tenants/${tenantId}/instances`;
const instance = (tenantId: string, instanceId: string) => `${collection(tenantId)}/${instanceId}`;

export const instanceRoutes = {
  collection,
  instance,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  status: (tenantId: string, instanceId: string) => `${instance(tenantId, instanceId)}/status`,
  size: (tenantId: string, instanceId: string) => `${instance(tenantId, instanceId)}/size`,
  action: (tenantId: string, instanceId: string, action: InstanceActionPath) =>
    `${instance(tenantId, instanceId)}/${action}`,
};
