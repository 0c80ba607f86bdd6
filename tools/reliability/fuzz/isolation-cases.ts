import { randomBytes, randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { newId, type IdPrefix } from '@bbws/shared-util';
import { signTestToken } from '@bbws/testing-engines';
import type { FuzzRequest } from './fuzz-request';
import { TENANT_OWNED_PARAMETERS, type FuzzWorld } from './fuzz-world';
import type { Route } from './openapi-routes';
import { routeAccess } from './route-access';
import { exampleOf, idProperties } from './schema-example';

/** One call of the isolation fuzzer: who calls which route, what must come back, what must not show. */
export interface IsolationCase {
  identity: string;
  route: Route;
  request: FuzzRequest;
  /** The statuses the spec allows (API.md); `undefined`: any, the call is legitimate (only scanned). */
  expected?: number[];
  /** Tenant A's data this caller must not see; empty for A's own members. */
  secrets: readonly string[];
  /**
   * The same call naming resources that do not exist: a stranger must get the same answer (status and
   * error code), or the answer tells that A's resources exist.
   */
  twin?: FuzzRequest;
}

/** Fresh well-formed ids in place of A's (a user id is the identity provider's uuid). */
function unknownIds(ids: Record<string, string>, names: readonly string[]): Record<string, string> {
  const prefixes: Record<string, IdPrefix> = {
    tenantId: 'tenant',
    instanceId: 'inst',
    siteId: 'site',
    backupId: 'bkp',
    operationId: 'op',
    invitationId: 'inv',
    divisionId: 'div',
    groupId: 'grp',
    teamId: 'team',
    webhookId: 'whk',
  };
  return {
    ...ids,
    ...Object.fromEntries(
      names.map((name) => [
        name,
        name === 'token'
          ? randomBytes(32).toString('base64url')
          : prefixes[name]
            ? newId(prefixes[name])
            : randomUUID(),
      ]),
    ),
  };
}

function fillPath(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
}

function requestFor(
  route: Route,
  pathIds: Record<string, string>,
  bodyIds: Record<string, string>,
  token?: string,
): FuzzRequest {
  return {
    method: route.method,
    url: fillPath(route.path, pathIds),
    token,
    ...(route.body ? { body: exampleOf(route.body, bodyIds) } : {}),
  };
}

/** A token with a valid shape whose signature no key of the JWKS made. */
async function forgedToken(world: FuzzWorld): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return signTestToken({
    sub: world.a.users.ADMIN.userId,
    email: world.a.users.ADMIN.email,
    key: privateKey,
  });
}

/**
 * Every route × identity of the isolation fuzzer:
 * (a) strangers (B's ADMIN, a user of no tenant) on A's resources, (b) A's VIEWER where a higher role is
 * needed, A's OPERATOR where only ADMINs may and A's ADMIN where only platform admins may, (c) no token and a forged one, (d) B's ADMIN on B's
 * own routes with A's ids in the body.
 */
export async function isolationCases(routes: readonly Route[], world: FuzzWorld): Promise<IsolationCase[]> {
  const idsOfA = { ...world.catalogue, ...world.a.ids };
  const idsOfB = { ...world.catalogue, ...world.b.ids };
  const forged = await forgedToken(world);
  const cases: IsolationCase[] = [];
  for (const route of routes) {
    const access = routeAccess(route, routes);
    const onA = (token?: string) => requestFor(route, idsOfA, idsOfA, token);
    // An invitation token is the invitee's credential: holding one is being invited, so strangers of
    // the public route get a token of their own, and on the signed-in ones A's token (and the email check).
    const strangerIds = access.isPublic ? unknownIds(idsOfA, ['token']) : idsOfA;
    const hidden = access.ownedParameters.filter((name) => name !== 'token');
    if (!access.isPublic) {
      cases.push({ identity: 'no token', route, request: onA(), expected: [401], secrets: world.a.secrets });
      cases.push({
        identity: 'forged token',
        route,
        request: onA(forged),
        expected: [401],
        secrets: world.a.secrets,
      });
    }
    for (const [identity, user] of [
      ['ADMIN of B', world.b.users.ADMIN],
      ['VIEWER of B', world.b.users.VIEWER],
      ['member of no tenant', world.outsider],
    ] as const) {
      const request = requestFor(route, strangerIds, idsOfA, user.token);
      cases.push({
        identity,
        route,
        request,
        secrets: world.a.secrets,
        ...(access.ownedParameters.length
          ? { expected: [403, 404] }
          : access.platformAdminOnly
            ? { expected: [403] }
            : {}),
        ...(hidden.length ? { twin: requestFor(route, unknownIds(idsOfA, hidden), idsOfA, user.token) } : {}),
      });
    }
    if (access.aboveViewer && (access.ownedParameters.length || access.platformAdminOnly))
      cases.push({
        identity: 'VIEWER of A',
        route,
        request: onA(world.a.users.VIEWER.token),
        // Within the tenant a missing role is 403; a profile of someone else is hidden (404) like a stranger's.
        expected: access.ownedParameters.includes('tenantId') ? [403] : [403, 404],
        secrets: [],
      });
    if (access.adminOnly && (access.ownedParameters.length || access.platformAdminOnly))
      cases.push({
        identity: 'OPERATOR of A',
        route,
        request: onA(world.a.users.OPERATOR.token),
        expected: access.ownedParameters.includes('tenantId') ? [403] : [403, 404],
        secrets: [],
      });
    if (access.platformAdminOnly)
      cases.push({
        identity: 'ADMIN of A',
        route,
        request: onA(world.a.users.ADMIN.token),
        expected: [403],
        secrets: [],
      });
    const ownedInBody = idProperties(route.body).filter((name) =>
      TENANT_OWNED_PARAMETERS.includes(name.replace(/s$/, '')),
    );
    if (ownedInBody.length && access.ownedParameters.includes('tenantId')) {
      const bodyIds = {
        ...idsOfB,
        ...Object.fromEntries(
          ownedInBody.map((name) => [name.replace(/s$/, ''), world.a.ids[name.replace(/s$/, '')]]),
        ),
      };
      cases.push({
        identity: "ADMIN of B with A's ids in the body",
        route,
        request: requestFor(route, idsOfB, bodyIds, world.b.users.ADMIN.token),
        expected: [404, 422],
        secrets: world.a.secrets,
      });
    }
  }
  return cases;
}
