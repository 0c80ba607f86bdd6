import { tablesCloudFormation } from './cloudformation-tables';

describe('tablesCloudFormation', () => {
  const template = tablesCloudFormation('prod') as {
    Resources: Record<string, { Properties: Record<string, any> }>;
  };

  it('declares the four tables of the stage', () => {
    expect(
      Object.values(template.Resources)
        .map((r) => r.Properties.TableName)
        .sort(),
    ).toEqual(['bbws-instances-prod', 'bbws-operations-prod', 'bbws-sites-prod', 'bbws-tenants-prod']);
  });

  it('gives each table PITR, TTL on `ttl`, on-demand billing and its GSIs', () => {
    const tenants = template.Resources.TenantsTable.Properties;
    expect(tenants.BillingMode).toBe('PAY_PER_REQUEST');
    expect(tenants.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(tenants.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    expect(tenants.GlobalSecondaryIndexes.map((index: { IndexName: string }) => index.IndexName)).toEqual([
      'GSI1',
      'GSI2',
      'GSI3',
    ]);
    expect(template.Resources.InstancesTable.Properties.GlobalSecondaryIndexes).toHaveLength(2);
  });
});
