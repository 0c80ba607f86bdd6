import type { HostingEnvironment } from '@bbws/shared-contracts';
import type { DataPlaneState } from './data-plane.state';

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

/** The first non-default rule by priority whose host condition matches `host`, as the ALB picks it. */
export function routeHost(state: DataPlaneState, host: string): HostRoute | undefined {
  const wanted = normalizeHost(host);
  const rule = Object.values(state.rules)
    .filter((candidate) => candidate.priority !== undefined)
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
    .find((candidate) => candidate.hosts.some((pattern) => hostPatternMatches(pattern, wanted)));
  if (!rule) return undefined;
  if (rule.action.type === 'fixed-response')
    return {
      kind: 'fixed',
      statusCode: Number(rule.action.statusCode),
      contentType: rule.action.contentType,
      body: rule.action.messageBody,
    };
  const targetGroup = state.targetGroups[rule.action.targetGroupArn];
  return targetGroup
    ? { kind: 'forward', environment: targetGroup.environment, slug: targetGroup.slug }
    : undefined;
}
