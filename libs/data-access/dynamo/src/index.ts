export {
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  createTableInput,
  defaultTableNames,
  type IndexName,
  type TableDefinition,
  type TableKey,
  type TableNames,
} from './table-definitions';
export { ensureTables } from './ensure-tables';
export { createDocumentClient, createDynamoClient, type DynamoConnection } from './dynamo-client.factory';
