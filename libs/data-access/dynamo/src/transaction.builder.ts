import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError, VersionConflictError } from '@bbws/shared-errors';
import { transactWrite, type TransactItem } from './transact';
import { storedVersion } from './typed-item';

/** DynamoDB's limit on the items of one TransactWriteItems call. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Turns the failed item's old image (when it existed) into a domain error. */
export type ItemFailure = (oldItem: Record<string, unknown> | undefined) => Error;

/** One transaction item with what its failed condition means. */
export type TransactionEntry = readonly [TransactItem, ItemFailure?];

const concurrentChange: ItemFailure = () => new ConcurrentChangeError();

/**
 * The failure of a versioned write of an item that must exist: a `VersionConflictError` with the stored
 * version when the item is there, else `missing()`.
 */
export function staleOrMissing(expectedVersion: number, missing: () => Error): ItemFailure {
  return (old) => (old ? new VersionConflictError(expectedVersion, storedVersion(old)) : missing());
}

/**
 * Collects the items of one transaction, each with the error its failed condition means, so that
 * transactions assembled from several DAOs (membership + invitation + audit) map failures precisely.
 */
export class TransactionBuilder {
  private readonly items: TransactItem[] = [];
  private readonly failures: ItemFailure[] = [];

  add(item: TransactItem, onFailure: ItemFailure = concurrentChange): this {
    this.items.push(item);
    this.failures.push(onFailure);
    return this;
  }

  addAll(entries: ReadonlyArray<TransactionEntry>): this {
    for (const [item, onFailure] of entries) this.add(item, onFailure);
    return this;
  }

  get size(): number {
    return this.items.length;
  }

  async commit(client: DynamoDBDocumentClient, clientRequestToken?: string): Promise<void> {
    if (this.items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(
        `A transaction holds at most ${MAX_TRANSACTION_ITEMS} items (got ${this.items.length})`,
      );
    }
    await transactWrite(
      client,
      this.items,
      ({ index, item }) => this.failures[index](item),
      clientRequestToken,
    );
  }
}
