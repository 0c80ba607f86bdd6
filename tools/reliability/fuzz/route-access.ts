import { TENANT_OWNED_PARAMETERS } from './fuzz-world';
import { pathParameters, type Route } from './openapi-routes';

/**
 * Who a route is for, read from its OpenAPI summary (the documents state roles in words: "(members)",
 * "(ADMIN, OPERATOR)", "(platform admin)"), its path (`/admin/...` is the platform admins' catalogue) and
 * its security (`[]`: public). Aliases ("Alias of PUT .../plugins/{pluginId}/status") take the summary of
 * the route they alias.
 */
export interface RouteAccess {
  isPublic: boolean;
  /** Path parameters naming a tenant's resources (a stranger gets 404 for them). */
  ownedParameters: string[];
  platformAdminOnly: boolean;
  /** A VIEWER of the tenant may not call it. */
  aboveViewer: boolean;
  /** Only the tenant's ADMINs (or platform admins): an OPERATOR may not call it. */
  adminOnly: boolean;
}

const MEMBERS_READ = /\((any )?members\b|any member|its members|members of its tenant/;
const NAMES_A_ROLE =
  /\bADMIN\b|\bOPERATOR\b|platform admins?|yourself|the user or|the member themselves|their creator/;

function aliasedSummary(route: Route, routes: readonly Route[]): string {
  const alias = /^Alias(?: of)? (GET|POST|PUT|PATCH|DELETE)?\s*(?:\.\.\.(\S+))?/.exec(route.summary);
  if (!alias) return route.summary;
  const [, method, suffix] = alias;
  const target = routes.find(
    (other) =>
      other !== route &&
      other.app === route.app &&
      other.method === (method ?? route.method) &&
      (suffix ? other.path.endsWith(suffix) : other.path === route.path),
  );
  return target ? `${target.summary} ${route.summary}` : route.summary;
}

export function routeAccess(route: Route, routes: readonly Route[]): RouteAccess {
  const summary = aliasedSummary(route, routes);
  const platformAdminOnly = route.path.includes('/admin/') || /\(platform admin\)/.test(summary);
  const memberRead = MEMBERS_READ.test(summary);
  return {
    isPublic: route.isPublic,
    ownedParameters: pathParameters(route).filter((name) => TENANT_OWNED_PARAMETERS.includes(name)),
    platformAdminOnly,
    aboveViewer:
      platformAdminOnly ||
      (route.method !== 'GET' && !memberRead) ||
      (NAMES_A_ROLE.test(summary) && !memberRead),
    adminOnly: platformAdminOnly || (/\bADMINs?\b/.test(summary) && !/OPERATOR/.test(summary) && !memberRead),
  };
}
