import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableKey, TableNames } from './table-definitions';

/** `/ready` checks of the tables an app uses: each must answer DescribeTable. */
export function tableReadinessChecks(
  client: DynamoDBClient,
  tables: TableNames,
  keys: readonly TableKey[],
): Array<{ name: string; check: () => Promise<void> }> {
  return keys.map((key) => ({
    name: `table:${tables[key]}`,
    check: async () => {
      await client.send(new DescribeTableCommand({ TableName: tables[key] }));
    },
  }));
}
