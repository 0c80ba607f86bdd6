import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StoredItem } from '@bbws/data-access-dynamo';

/** A failed single-item condition as our error, given the old image (when the request asked for it). */
export function conditionFailure(error: unknown, toError: (old: StoredItem | undefined) => Error): unknown {
  if (!(error instanceof ConditionalCheckFailedException)) return error;
  const old = error.Item as Record<string, AttributeValue> | undefined;
  return toError(old ? unmarshall(old) : undefined);
}
