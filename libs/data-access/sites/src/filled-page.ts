import {
  cursorAfter,
  paginatedQuery,
  type DynamoContext,
  type KeyQuery,
  type StoredItem,
} from '@bbws/data-access-dynamo';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '@bbws/shared-hateoas';

/** How many filtered batches one list request reads at most while filling a page. */
export const MAX_FILTERED_READS = 5;

/**
 * One page of `list`. Without a filter, one read of `pageSize + 1` (so a page that ends the list knows
 * it); with one, batches of MAX_PAGE_SIZE until the page is full, at most MAX_FILTERED_READS of them.
 * The cursor continues right after the last item returned.
 */
export async function filledPage(
  db: DynamoContext,
  list: Omit<KeyQuery, 'pageSize' | 'startAt'>,
  page: PageRequest,
): Promise<Page<StoredItem>> {
  const filtered = Boolean(list.filter);
  const batchSize = filtered ? MAX_PAGE_SIZE : page.pageSize + 1;
  const found: StoredItem[] = [];
  let startAt = page.startAt;
  for (let read = 0; read < (filtered ? MAX_FILTERED_READS : 1); read += 1) {
    const batch = await paginatedQuery(db.client, db.cursors, {
      ...list,
      pageSize: batchSize,
      ...(startAt ? { startAt } : {}),
    });
    for (const [index, item] of batch.items.entries()) {
      found.push(item);
      if (found.length === page.pageSize) {
        const lastOfList = index === batch.items.length - 1 && !batch.nextStartAt;
        return { items: found, nextStartAt: lastOfList ? null : cursorAfter(db.cursors, list, item) };
      }
    }
    if (!batch.nextStartAt) return { items: found, nextStartAt: null };
    startAt = batch.nextStartAt;
  }
  return { items: found, nextStartAt: startAt ?? null };
}
