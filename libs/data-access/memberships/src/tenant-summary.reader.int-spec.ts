import { newId } from '@bbws/shared-util';
import { buildTenant, seedTenant, tenantTableDaos, testDynamoContext } from '@bbws/testing-factories';
import { TenantSummaryReader } from './tenant-summary.reader';

const db = testDynamoContext();
const reader = new TenantSummaryReader(db);
const { tenants } = tenantTableDaos(db);

describe('TenantSummaryReader against DynamoDB Local', () => {
  it('reads a tenant’s name and current status', async () => {
    const tenant = await seedTenant(tenants, {
      organizationName: buildTenant().organizationName,
      status: 'PARKED',
    });
    expect(await reader.find(tenant.tenantId)).toEqual({
      tenantId: tenant.tenantId,
      organizationName: tenant.organizationName,
      status: 'PARKED',
    });
  });

  it('finds nothing for an unknown tenant', async () => {
    expect(await reader.find(newId('tenant'))).toBeNull();
  });
});
