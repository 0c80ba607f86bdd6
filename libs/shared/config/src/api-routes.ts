import type { LocalApiApp } from './local-ports';

/**
 * The public API's path prefixes and the app owning each: the front door routes by them locally and
 * the control-plane template (tools/infra) turns them into API Gateway routes. `{param}` matches one
 * segment, a prefix matches whole segments only, and the longest matching prefix wins.
 */
export const API_ROUTES: ReadonlyArray<readonly [prefix: string, app: LocalApiApp]> = [
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
