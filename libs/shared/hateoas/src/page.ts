import { link, withQuery, type Links } from './link';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  pageSize: number;
  startAt?: string;
}

/** What a DAO returns: items plus the opaque cursor of the next page, if any. */
export interface Page<T> {
  items: T[];
  nextStartAt: string | null;
}

export interface PageResponse<T> {
  items: T[];
  count: number;
  moreAvailable: boolean;
  nextStartAt: string | null;
  _links: Links;
}

/** Presents a page with `self` and (when there is more) `next` links that keep the caller's filters. */
export function presentPage<T, R>(
  page: Page<T>,
  present: (item: T) => R,
  self: { path: string; query: Record<string, string | number | boolean | undefined>; pageSize: number },
): PageResponse<R> {
  const query = { ...self.query, pageSize: self.pageSize };
  const _links: Links = { self: link(withQuery(self.path, query)) };
  if (page.nextStartAt) _links.next = link(withQuery(self.path, { ...query, startAt: page.nextStartAt }));
  return {
    items: page.items.map(present),
    count: page.items.length,
    moreAvailable: page.nextStartAt !== null,
    nextStartAt: page.nextStartAt,
    _links,
  };
}
