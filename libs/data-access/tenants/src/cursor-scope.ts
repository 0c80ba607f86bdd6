import type { DynamoContext } from '@bbws/data-access-dynamo';
import { ValidationError } from '@bbws/shared-errors';

/**
 * Cursors are bound to a partition by `paginatedQuery`; several lists share the tenant partition
 * (members, audit, guards), so a cursor must also start inside the list's own sort-key range.
 */
export function assertCursorWithin(db: DynamoContext, startAt: string | undefined, sortKeyPrefix: string, sortKeyAttribute = 'SK'): void {
  if (!startAt) return;
  const decoded = db.cursors.decode(startAt);
  const key = decoded.k as Record<string, unknown> | undefined;
  const sortKey = key?.[sortKeyAttribute];
  if (typeof sortKey !== 'string' || !sortKey.startsWith(sortKeyPrefix)) {
    throw ValidationError.field('startAt', 'does not belong to this list');
  }
}
