/** The API apps behind the front door, with their local ports (LOCAL.md). */
export const UPSTREAM_APPS = [
  'tenants-api',
  'instances-api',
  'sites-api',
  'templates-api',
  'plugins-api',
  'operations-api',
] as const;

export type UpstreamApp = (typeof UPSTREAM_APPS)[number];

export type Upstreams = Record<UpstreamApp, string>;

export const DEFAULT_UPSTREAMS: Upstreams = {
  'tenants-api': 'http://127.0.0.1:3001',
  'instances-api': 'http://127.0.0.1:3002',
  'sites-api': 'http://127.0.0.1:3003',
  'templates-api': 'http://127.0.0.1:3004',
  'plugins-api': 'http://127.0.0.1:3005',
  'operations-api': 'http://127.0.0.1:3006',
};

export function isUpstreamApp(name: string): name is UpstreamApp {
  return (UPSTREAM_APPS as readonly string[]).includes(name);
}
