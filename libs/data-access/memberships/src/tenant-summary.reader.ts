import { getItem, type DynamoContext } from '@bbws/data-access-dynamo';

/** What other services may know of a tenant: its name and status (the tenants API owns the rest). */
export interface TenantSummary {
  tenantId: string;
  organizationName: string;
  status: string;
}

/** Read-only view of tenant items for services that must not import the tenants data access. */
export class TenantSummaryReader {
  constructor(private readonly db: DynamoContext) {}

  /** One strongly consistent GetItem of the tenant item; null when there is none. */
  async find(tenantId: string): Promise<TenantSummary | null> {
    const item = await getItem(this.db.client, this.db.tables.tenants, {
      PK: `TENANT#${tenantId}`,
      SK: 'TENANT',
    });
    if (!item || typeof item.organizationName !== 'string' || typeof item.status !== 'string') return null;
    return { tenantId, organizationName: item.organizationName, status: item.status };
  }
}
