import { paginate, type Page } from '@bbws/sdk';
import type { ListFlags } from '../runtime/command-options';

/** One call of a list route, as the SDK answers it (the body types of some list routes are not declared). */
export interface PageAnswer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

const MAX_PAGE_SIZE = 100;

/**
 * The items a list command prints: page after page (`paginate`) until `--limit` items (default 100) or,
 * with `--all`, the last page. `fetchPage(startAt, pageSize)` makes one call of the list route:
 * `collectList<Member>(flags, (startAt, pageSize) => client.tenants.GET(path, { params: { path, query: { startAt, pageSize } } }))`.
 */
export async function collectList<Item>(
  flags: Partial<ListFlags>,
  fetchPage: (startAt: string | undefined, pageSize: number) => Promise<PageAnswer>,
): Promise<Item[]> {
  const limit = flags.all ? Infinity : (flags.limit ?? 100);
  const pageSize = Math.min(flags.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE, limit);
  const items: Item[] = [];
  const pages = paginate(
    (startAt) =>
      fetchPage(startAt, pageSize) as Promise<{ data?: Page<Item>; error?: unknown; response: Response }>,
  );
  for await (const item of pages) {
    items.push(item);
    if (items.length >= limit) break;
  }
  return items;
}
