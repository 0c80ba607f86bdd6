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
export { tablesCloudFormation } from './cloudformation-tables';
export { createDocumentClient, createDynamoClient, type DynamoConnection } from './dynamo-client.factory';
export {
  transactWrite,
  type ConditionFailure,
  type ConditionFailureMapper,
  type TransactItem,
} from './transact';
export { extraWrites, extraWritesContents, type ExtraWrites, type ExtraWritesContents } from './extra-writes';
export { tableReadinessChecks } from './table-readiness';
export { deleteKey, put, putNew, versionedUpdate, type VersionedUpdate } from './expressions';
export { cursorAfter, paginatedQuery, type KeyQuery } from './paginated-query';
export {
  DEFAULT_CLAIM_SECONDS,
  IdempotencyDao,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type StoredResponse,
} from './idempotency.dao';
export type { DynamoContext } from './dynamo-context';
export type { ItemBase, ItemKey, VersionedItemBase } from './item-base';
export {
  MAX_TRANSACTION_ITEMS,
  TransactionBuilder,
  staleOrMissing,
  type ItemFailure,
  type TransactionEntry,
} from './transaction.builder';
export {
  batchGetItems,
  getItem,
  inKeyOrder,
  itemKey,
  type BatchGetOptions,
  type StoredItem,
} from './batch-get';
export { readItem, storedVersion } from './typed-item';
