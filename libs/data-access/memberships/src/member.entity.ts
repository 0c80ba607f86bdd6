import type { TenantRole } from '@bbws/shared-contracts';

export { TENANT_ROLES, type TenantRole } from '@bbws/shared-contracts';

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
