import type { HostingEnvironment } from '@bbws/shared-contracts';

/** What the ALB's listener rule for a host says: forward to the instance's workers, or a fixed answer. */
export type HostRoute =
  | { kind: 'forward'; environment: HostingEnvironment; slug: string }
  | { kind: 'fixed'; statusCode: number; contentType: string; body: string };

/** The listener rules, by host; undefined for a host no rule names. */
export interface HostRoutes {
  route(host: string): HostRoute | undefined;
}

/** `Host` header value → lower-case host name without port or trailing dot. */
export function normalizeHost(host: string): string {
  const withoutPort = host.startsWith('[') ? host : host.replace(/:\d*$/, '');
  return withoutPort.trim().toLowerCase().replace(/\.$/, '');
}

/** ALB host-header patterns: case-insensitive, `*` matches any run of characters, `?` exactly one. */
export function hostPatternMatches(pattern: string, host: string): boolean {
  const source = pattern
    .toLowerCase()
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(host);
}
