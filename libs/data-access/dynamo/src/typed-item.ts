import type { StoredItem } from './batch-get';
import type { VersionedItemBase } from './item-base';

/**
 * A stored item read back as the shape its mapper wrote: the one place a DynamoDB item is trusted to
 * match its `<Entity>Item` interface (every item carries `entityType` and `schemaVersion` to check).
 */
export function readItem<T extends object>(item: StoredItem): T {
  return item as T;
}

/** The version of a versioned item's old image (from a failed condition). */
export function storedVersion(item: StoredItem): number {
  return readItem<VersionedItemBase>(item).version;
}
