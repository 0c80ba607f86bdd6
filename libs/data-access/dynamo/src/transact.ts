import { TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why one item of a cancelled transaction failed, with the item as it was (when the request asked for it). */
export interface ConditionFailure {
  index: number;
  item?: Record<string, unknown>;
}

/** Our error for a failed condition: a domain error from `@bbws/shared-errors` for DAOs. */
export type ConditionFailureMapper = (failure: ConditionFailure) => Error;

function isTransactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict') &&
    !(error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}

/** Concurrent transactions on the same items are cancelled with TransactionConflict: retry those briefly. */
const conflictRetry = retry(handleWhen(isTransactionConflict), {
  maxAttempts: 6,
  backoff: new ExponentialBackoff({ initialDelay: 15, maxDelay: 250 }),
});

/**
 * Writes all items atomically. A failed condition is translated into our error by `onConditionFailed`
 * (called with the first failing item's index), so guard items become `NameTakenError`s and stale versions `VersionConflictError`s.
 */
export async function transactWrite(
  client: DynamoDBDocumentClient,
  items: TransactItem[],
  onConditionFailed: ConditionFailureMapper,
  clientRequestToken?: string,
): Promise<void> {
  try {
    await conflictRetry.execute(() =>
      client.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: clientRequestToken })),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const index = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (index >= 0) {
        const item = reasons[index].Item as Record<string, AttributeValue> | undefined;
        throw onConditionFailed({ index, item: item ? unmarshall(item) : undefined });
      }
    }
    throw error;
  }
}
