export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Link {
  href: string;
  method?: HttpMethod;
}

export type Links = Record<string, Link>;

export function link(href: string, method?: HttpMethod): Link {
  return method && method !== 'GET' ? { href, method } : { href };
}

/** Builds a links object from entries, dropping the ones whose condition is false. */
export function links(entries: Array<[rel: string, link: Link, allowed?: boolean]>): Links {
  const result: Links = {};
  for (const [rel, value, allowed] of entries) {
    if (allowed !== false) result[rel] = value;
  }
  return result;
}

/** Appends a query string built from the defined values. */
export function withQuery(
  href: string,
  query: Record<string, string | number | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${href}?${text}` : href;
}
