import type { UpstreamApp } from './upstream-apps';

/**
 * Path prefixes and the app owning each, like the API Gateway's resources: `{param}` matches one
 * segment, a prefix matches whole segments only, and the longest matching prefix wins.
 */
export const ROUTE_TABLE: ReadonlyArray<readonly [prefix: string, app: UpstreamApp]> = [
  ['/v1.0/tenants', 'tenants-api'],
  ['/v1.0/users', 'tenants-api'],
  ['/v1.0/invitations', 'tenants-api'],
  ['/v1.0/tenants/{tenantId}/instances', 'instances-api'],
  ['/v1.0/tenants/{tenantId}/sites', 'sites-api'],
  ['/v1.0/templates', 'templates-api'],
  ['/v1.0/admin/templates', 'templates-api'],
  ['/v1.0/plugins', 'plugins-api'],
  ['/v1.0/admin/plugins', 'plugins-api'],
  ['/v1.0/operations', 'operations-api'],
  ['/v1.0/tenants/{tenantId}/operations', 'operations-api'],
  ['/v1.0/tenants/{tenantId}/webhooks', 'operations-api'],
];

const compiled = ROUTE_TABLE.map(([prefix, app]) => ({ segments: segmentsOf(prefix), app })).sort(
  (a, b) => b.segments.length - a.segments.length,
);

/** The app serving this path (query string ignored), or undefined when no prefix matches. */
export function routeFor(url: string): UpstreamApp | undefined {
  const path = segmentsOf(url.split('?')[0]);
  return compiled.find(
    ({ segments }) => segments.length <= path.length && segments.every((part, i) => matches(part, path[i])),
  )?.app;
}

function matches(pattern: string, segment: string): boolean {
  return pattern.startsWith('{') ? segment.length > 0 : pattern === segment;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}
