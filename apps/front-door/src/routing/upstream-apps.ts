import { LOCAL_API_APPS, localUrl, type LocalApiApp } from '@bbws/shared-config';

/** The API apps behind the front door (their local ports live in the shared ports table, LOCAL.md). */
export const UPSTREAM_APPS = LOCAL_API_APPS;

export type UpstreamApp = LocalApiApp;

export type Upstreams = Record<UpstreamApp, string>;

export const DEFAULT_UPSTREAMS: Upstreams = Object.fromEntries(
  UPSTREAM_APPS.map((app) => [app, localUrl(app)]),
) as Upstreams;

export function isUpstreamApp(name: string): name is UpstreamApp {
  return (UPSTREAM_APPS as readonly string[]).includes(name);
}
