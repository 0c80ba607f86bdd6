/** An app measured by the footprint bench and the request that says it is up. */
export interface FootprintApp {
  name: string;
  /** Path of the first request that must answer 200; `:tenantId` is the seeded tenant. */
  probe: string;
  /** Whether the probe needs the member's token (the API apps' authenticated reads). */
  authenticated: boolean;
  /** API apps carry the goals (cold start, idle RSS); the others are measured for the record. */
  api: boolean;
}

/**
 * The six API apps answer an authenticated GET of the seeded tenant's data (JWT verified against the
 * JWKS, membership checked, DynamoDB read). The workers answer `/ready` (tables and queues reachable)
 * once their consumers run; the front door its JWKS (its own signing key, created at the first start).
 */
export const FOOTPRINT_APPS: readonly FootprintApp[] = [
  { name: 'tenants-api', probe: '/v1.0/tenants/:tenantId', authenticated: true, api: true },
  { name: 'instances-api', probe: '/v1.0/tenants/:tenantId/instances', authenticated: true, api: true },
  { name: 'sites-api', probe: '/v1.0/tenants/:tenantId/sites', authenticated: true, api: true },
  { name: 'templates-api', probe: '/v1.0/templates', authenticated: true, api: true },
  { name: 'plugins-api', probe: '/v1.0/plugins', authenticated: true, api: true },
  { name: 'operations-api', probe: '/v1.0/tenants/:tenantId/operations', authenticated: true, api: true },
  { name: 'workers', probe: '/ready', authenticated: false, api: false },
  { name: 'front-door', probe: '/.well-known/jwks.json', authenticated: false, api: false },
];
