import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '@bbws/shared-errors';
import { conditionFailure } from './template.condition-failure';

export interface CounterChange {
  tableName: string;
  key: Record<string, string>;
  attribute: string;
  delta: number;
  missing: () => Error;
}

/** Attempts of a decrement racing other changes of the same counter. */
const MAX_ATTEMPTS = 5;

/**
 * ADDs `delta` to a numeric attribute of an existing item and returns the new value. A decrement larger
 * than the count sets it to zero instead (conditionally, so a concurrent increment is never lost).
 */
export async function adjustCounter(client: DynamoDBDocumentClient, change: CounterChange): Promise<number> {
  const names = { '#pk': 'PK', '#count': change.attribute };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const floor = change.delta < 0 ? ' AND #count >= :needed' : '';
    const added = await send(client, change, {
      UpdateExpression: 'ADD #count :delta',
      ConditionExpression: `attribute_exists(#pk)${floor}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':delta': change.delta, ...(floor ? { ':needed': -change.delta } : {}) },
    });
    if (added !== undefined) return added;
    // Too small for the decrement: clamp to zero, unless it grew meanwhile (then try the ADD again).
    const clamped = await send(client, change, {
      UpdateExpression: 'SET #count = :zero',
      ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#count) OR #count < :needed)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':zero': 0, ':needed': -change.delta },
    });
    if (clamped !== undefined) return clamped;
  }
  throw new ConcurrentChangeError();
}

/** The new value, or undefined when the condition failed on an existing item. */
async function send(
  client: DynamoDBDocumentClient,
  change: CounterChange,
  update: {
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeNames: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  },
): Promise<number | undefined> {
  try {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: change.tableName,
        Key: change.key,
        ...update,
        ReturnValues: 'UPDATED_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return Number(Attributes?.[change.attribute] ?? 0);
  } catch (error) {
    const failure = conditionFailure(error, (old) => (old ? new ConcurrentChangeError() : change.missing()));
    if (failure instanceof ConcurrentChangeError) return undefined;
    throw failure;
  }
}
