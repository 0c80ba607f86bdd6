import { randomBytes } from 'node:crypto';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { newId } from '@bbws/shared-util';
import { seedInstancePool, seedSitePool, type ApiFixtures } from './api-fixtures';
import type { ApiService } from './api-services';

/** One request of a load run; `context` is autocannon's, one per connection. */
export interface BenchRequest {
  method: 'GET' | 'PATCH' | 'PUT' | 'POST';
  path: string;
  body?: string;
}

/** Builds each request of a run; `answered` runs when its answer arrived (autocannon's context is per request). */
export interface RequestSource {
  next(context: Record<string, unknown>): BenchRequest;
  answered?(context: Record<string, unknown>): void;
}

/** A measured route: the same requests go to the API and to its bare handler. */
export interface MeasuredRoute {
  service: ApiService;
  kind: 'read' | 'write';
  label: string;
  /** Who calls it: a member of the tenant (ADMIN), or a platform admin where only they may. */
  caller: 'member' | 'admin';
  /** Fresh requests for one run of at most about `requests` requests. */
  prepare(requests: number): Promise<RequestSource>;
}

let sequence = 0;
/** A value no other request of the run sends, so every PATCH changes something and is written. */
function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${randomBytes(3).toString('hex')}`;
}

const fixed = (request: BenchRequest) => async (): Promise<RequestSource> => ({ next: () => request });

/**
 * Each request leases an item of `ids` no request in flight holds, and hands it back when answered:
 * one writer per item at a time, so a PATCH without If-Match never races another on its version.
 */
function leased(ids: readonly string[], request: (id: string) => BenchRequest) {
  return async (): Promise<RequestSource> => {
    const free = [...ids];
    return {
      next: (context) => {
        // Items are lost only with requests that got no answer (counted as errors); then one is shared.
        const id = free.shift() ?? ids[0];
        context.leased = id;
        return request(id);
      },
      answered: (context) => {
        if (typeof context.leased === 'string') free.push(context.leased);
      },
    };
  };
}

/** Each request takes the next fresh item of a pool seeded for the run (a 202 locks its resource). */
function fromPool<T>(seed: (count: number) => Promise<T[]>, request: (item: T) => BenchRequest) {
  return async (requests: number): Promise<RequestSource> => {
    const pool = await seed(requests);
    let next = 0;
    // Past the end of the pool the requests reuse locked items and answer 409: counted as non-2xx.
    return { next: () => request(pool[next++ % pool.length]) };
  };
}

const json = (body: object) => JSON.stringify(body);

/**
 * Each service's hottest read (GET one resource, as the caller who normally reads it) and hottest write:
 * PATCH tenant (the tenant ADMIN's settings; update + audit in one transaction); PUT instance size (the
 * most frequent runtime action: a 202 launching INSTANCE_SCALE — instance read, transaction, SQS send);
 * PATCH site (the most frequent site change: a 202 SITE_UPDATE — site and lock reads, transaction, SQS
 * send); admin PATCH template and plugin (catalogue curation, the only frequent catalogue writes);
 * POST webhook (operations-api's only tenant-made write; cancel is rare), each in a fresh tenant because a
 * tenant holds at most 20.
 */
export function measuredRoutes(db: DynamoContext, fixtures: ApiFixtures): MeasuredRoute[] {
  const { tenantId, instanceId, siteId } = fixtures;
  return [
    {
      service: 'tenants-api',
      kind: 'read',
      label: 'GET /tenants/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/tenants/${tenantId}` }),
    },
    {
      service: 'tenants-api',
      kind: 'write',
      label: 'PATCH /tenants/{id}',
      caller: 'member',
      prepare: leased(fixtures.writableTenantIds, (id) => ({
        method: 'PATCH',
        path: `/v1.0/tenants/${id}`,
        body: json({ contactEmail: `${unique('ops')}@bench.example` }),
      })),
    },
    {
      service: 'instances-api',
      kind: 'read',
      label: 'GET /tenants/{t}/instances/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/tenants/${tenantId}/instances/${instanceId}` }),
    },
    {
      service: 'instances-api',
      kind: 'write',
      label: 'PUT /tenants/{t}/instances/{id}/size (202)',
      caller: 'admin',
      prepare: fromPool(
        (count) => seedInstancePool(db, count),
        (instance) => ({
          method: 'PUT',
          path: `/v1.0/tenants/${instance.tenantId}/instances/${instance.instanceId}/size`,
          body: json({ desiredCount: 2 }),
        }),
      ),
    },
    {
      service: 'sites-api',
      kind: 'read',
      label: 'GET /tenants/{t}/sites/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/tenants/${tenantId}/sites/${siteId}` }),
    },
    {
      service: 'sites-api',
      kind: 'write',
      label: 'PATCH /tenants/{t}/sites/{id} (202)',
      caller: 'member',
      prepare: fromPool(
        (count) => seedSitePool(db, tenantId, instanceId, count),
        (id) => ({
          method: 'PATCH',
          path: `/v1.0/tenants/${tenantId}/sites/${id}`,
          body: json({ siteName: unique('Site') }),
        }),
      ),
    },
    {
      service: 'templates-api',
      kind: 'read',
      label: 'GET /templates/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/templates/${fixtures.publishedTemplateId}` }),
    },
    {
      service: 'templates-api',
      kind: 'write',
      label: 'PATCH /admin/templates/{id}',
      caller: 'admin',
      prepare: leased(fixtures.writableTemplateIds, (id) => ({
        method: 'PATCH',
        path: `/v1.0/admin/templates/${id}`,
        body: json({ description: unique('A template') }),
      })),
    },
    {
      service: 'plugins-api',
      kind: 'read',
      label: 'GET /plugins/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/plugins/${fixtures.pluginId}` }),
    },
    {
      service: 'plugins-api',
      kind: 'write',
      label: 'PATCH /admin/plugins/{id}',
      caller: 'admin',
      prepare: leased(fixtures.writablePluginIds, (id) => ({
        method: 'PATCH',
        path: `/v1.0/admin/plugins/${id}`,
        body: json({ description: unique('A plugin') }),
      })),
    },
    {
      service: 'operations-api',
      kind: 'read',
      label: 'GET /operations/{id}',
      caller: 'member',
      prepare: fixed({ method: 'GET', path: `/v1.0/operations/${fixtures.operationId}` }),
    },
    {
      service: 'operations-api',
      kind: 'write',
      label: 'POST /tenants/{t}/webhooks',
      caller: 'admin',
      prepare: async () => ({
        next: () => ({
          method: 'POST',
          path: `/v1.0/tenants/${newId('tenant')}/webhooks`,
          body: json({
            url: 'http://127.0.0.1:9/bench-hook',
            events: ['operation.completed'],
            secret: 'bench-webhook-secret-0123456789',
          }),
        }),
      }),
    },
  ];
}
