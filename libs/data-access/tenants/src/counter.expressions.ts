import type { TransactItem } from '@bbws/data-access-dynamo';

export interface CounterChange {
  tableName: string;
  key: Record<string, string>;
  attribute: string;
  delta: number;
  /** Fails unless the counter is below this before an increment (children limits). */
  below?: number;
  /** Fails unless the counter is above this before a decrement (last-ADMIN rule). */
  above?: number;
}

/**
 * Adds to a counter on an existing item without bumping its `version`: counters (children, members,
 * admins) change with other resources, and must not make a client's ETag of the parent stale.
 */
export function counterUpdate(change: CounterChange): TransactItem {
  const conditions = ['attribute_exists(PK)'];
  const values: Record<string, unknown> = { ':delta': change.delta };
  if (change.below !== undefined) {
    conditions.push('(attribute_not_exists(#counter) OR #counter < :below)');
    values[':below'] = change.below;
  }
  if (change.above !== undefined) {
    conditions.push('#counter > :above');
    values[':above'] = change.above;
  }
  return {
    Update: {
      TableName: change.tableName,
      Key: change.key,
      UpdateExpression: 'ADD #counter :delta',
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: { '#counter': change.attribute },
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}
