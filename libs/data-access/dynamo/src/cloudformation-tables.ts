import { TABLE_DEFINITIONS, TABLE_KEYS, createTableInput, defaultTableNames } from './table-definitions';

/**
 * The production tables as a CloudFormation template, from the same definitions that create the
 * local tables: on-demand, point-in-time recovery, TTL on `ttl`, retained on stack deletion.
 */
export function tablesCloudFormation(stage: string): Record<string, unknown> {
  const names = defaultTableNames(stage);
  const resources: Record<string, unknown> = {};
  for (const key of TABLE_KEYS) {
    const definition = TABLE_DEFINITIONS[key];
    const input = createTableInput(definition, names[key]);
    const logicalId = `${key.charAt(0).toUpperCase()}${key.slice(1)}Table`;
    resources[logicalId] = {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: input.TableName,
        BillingMode: input.BillingMode,
        AttributeDefinitions: input.AttributeDefinitions,
        KeySchema: input.KeySchema,
        GlobalSecondaryIndexes: input.GlobalSecondaryIndexes,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: definition.pointInTimeRecovery },
        TimeToLiveSpecification: { AttributeName: definition.ttlAttribute, Enabled: true },
        SSESpecification: { SSEEnabled: true },
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `BBWS control plane tables (${stage})`,
    Resources: resources,
  };
}
