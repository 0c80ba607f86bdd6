import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { operationKeys } from './operation.keys';

/** The operation holding a resource's lock. */
export interface ResourceLock {
  operationId: string;
  operationType: string | null;
}

/**
 * Which operation runs on a resource, for `_links.operation`: one GetItem of the resource's lock, which
 * the operation takes in the transaction that creates it and releases in the one that ends it.
 */
export class ResourceLockReader {
  constructor(private readonly db: DynamoContext) {}

  async find(resourceId: string): Promise<ResourceLock | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.db.tables.operations, Key: operationKeys.lock(resourceId) }),
    );
    if (typeof Item?.operationId !== 'string') return null;
    return {
      operationId: Item.operationId,
      operationType: typeof Item.operationType === 'string' ? Item.operationType : null,
    };
  }
}
