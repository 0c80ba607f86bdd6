export const TENANT_ROLES = ['ADMIN', 'OPERATOR', 'VIEWER'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export interface Member {
  tenantId: string;
  userId: string;
  email: string;
  name: string;
  role: TenantRole;
  teamIds: string[];
  joinedAt: string;
  addedBy: string;
  updatedAt: string;
  version: number;
}
