import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Logical names of the four tables (DATA.md); physical names come from configuration. */
export type TableKey = 'tenants' | 'instances' | 'sites' | 'operations';

export const TABLE_KEYS: readonly TableKey[] = ['tenants', 'instances', 'sites', 'operations'];

export type TableNames = Record<TableKey, string>;

export function defaultTableNames(stage: string): TableNames {
  return {
    tenants: `bbws-tenants-${stage}`,
    instances: `bbws-instances-${stage}`,
    sites: `bbws-sites-${stage}`,
    operations: `bbws-operations-${stage}`,
  };
}

export type IndexName = 'GSI1' | 'GSI2' | 'GSI3';

export interface TableDefinition {
  key: TableKey;
  indexes: readonly IndexName[];
  /** Attribute holding the epoch-seconds expiry of items that expire. */
  ttlAttribute: 'ttl';
  pointInTimeRecovery: true;
}

/** The same definitions create local tables and feed the production infrastructure code. */
export const TABLE_DEFINITIONS: Record<TableKey, TableDefinition> = {
  tenants: {
    key: 'tenants',
    indexes: ['GSI1', 'GSI2', 'GSI3'],
    ttlAttribute: 'ttl',
    pointInTimeRecovery: true,
  },
  instances: { key: 'instances', indexes: ['GSI1', 'GSI2'], ttlAttribute: 'ttl', pointInTimeRecovery: true },
  sites: { key: 'sites', indexes: ['GSI1', 'GSI2', 'GSI3'], ttlAttribute: 'ttl', pointInTimeRecovery: true },
  operations: {
    key: 'operations',
    indexes: ['GSI1', 'GSI2', 'GSI3'],
    ttlAttribute: 'ttl',
    pointInTimeRecovery: true,
  },
};

/** CreateTable input for one table: on-demand, generic PK/SK, sparse GSIs projecting all attributes. */
export function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const indexAttributes = definition.indexes.flatMap((index) => [`${index}PK`, `${index}SK`]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['PK', 'SK', ...indexAttributes].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: definition.indexes.map((index) => ({
      IndexName: index,
      KeySchema: [
        { AttributeName: `${index}PK`, KeyType: 'HASH' },
        { AttributeName: `${index}SK`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
