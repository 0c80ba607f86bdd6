import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CursorCodec } from '@bbws/shared-hateoas';
import type { Clock } from '@bbws/shared-util';
import type { TableNames } from './table-definitions';

/** What every DAO is constructed with: one shared client per process, the table names, cursors and time. */
export interface DynamoContext {
  client: DynamoDBDocumentClient;
  tables: TableNames;
  cursors: CursorCodec;
  clock: Clock;
}
