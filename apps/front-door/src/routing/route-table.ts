import { API_ROUTES } from '@bbws/shared-config';
import type { UpstreamApp } from './upstream-apps';

/** Path prefixes and the app owning each (API_ROUTES, shared with the API Gateway's routes). */
export const ROUTE_TABLE: ReadonlyArray<readonly [prefix: string, app: UpstreamApp]> = API_ROUTES;

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
