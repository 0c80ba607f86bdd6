import { randomBytes } from 'node:crypto';
import { newId, type IdPrefix } from '@bbws/shared-util';
import type { TestApi, TestRequest } from './test-api';

export interface BodyRoute {
  method: TestRequest['method'];
  /** The OpenAPI path, e.g. `/v1.0/tenants/{tenantId}`. */
  path: string;
}

const ID_PREFIXES: Record<string, IdPrefix> = {
  tenantId: 'tenant',
  instanceId: 'inst',
  siteId: 'site',
  operationId: 'op',
  invitationId: 'inv',
  divisionId: 'div',
  groupId: 'grp',
  teamId: 'team',
  templateId: 'tpl',
  pluginId: 'plg',
  backupId: 'bkp',
  webhookId: 'whk',
  deliveryId: 'dlv',
};

/** Every route of the app's OpenAPI document that takes a request body. */
export async function bodyRoutes(api: TestApi): Promise<BodyRoute[]> {
  const document = (await api.request({ method: 'GET', url: '/docs-json' })).body as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody !== undefined)
      .map(([method]) => ({ method: method.toUpperCase() as BodyRoute['method'], path })),
  );
}

/** The route's path with real-looking ids (the given ones first, fresh ids otherwise). */
export function fillPath(path: string, given: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (given[name]) return given[name];
    const prefix = ID_PREFIXES[name];
    return prefix ? newId(prefix) : randomBytes(32).toString('base64url');
  });
}

/** `{"a":[[...]]}` with `depth` levels of nesting in total (the object is level 1). */
export function nestedJson(depth: number, key = 'a'): string {
  return `{"${key}":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
}
