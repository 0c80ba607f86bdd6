import { randomUUID } from 'node:crypto';
import {
  BbwsPreconditionFailedError,
  createBbwsClient,
  ifMatch,
  paginate,
  unwrap,
  type BbwsClient,
} from '@bbws/sdk';
import { startTestPlatform, type TestPlatform } from '../platform/test-platform';
import { startDroppingProxy, type DroppingProxy } from './dropping-proxy';

jest.setTimeout(60_000);

describe('@bbws/sdk against the running apps: pagination, idempotency, If-Match', () => {
  let platform: TestPlatform;
  let bbws: BbwsClient;

  beforeAll(async () => {
    platform = await startTestPlatform();
    bbws = createBbwsClient({ baseUrl: platform.url, token: platform.adminToken });
  });
  afterAll(() => platform.close());

  const newTenant = (prefix: string, index = 0) => ({
    organizationName: `${prefix} ${String(index).padStart(2, '0')}`,
    contactEmail: `ops-${randomUUID().slice(0, 8)}@example.com`,
  });
  const prefixOf = () => `Sdk ${randomUUID().slice(0, 8)}`;

  it('iterates a list over more than two pages: every item once, in the order of one page', async () => {
    const prefix = prefixOf();
    for (let index = 0; index < 7; index += 1) {
      await unwrap(bbws.tenants.POST('/v1.0/tenants', { body: newTenant(prefix, index) }));
    }
    const requests: string[] = [];
    const counting = createBbwsClient({
      baseUrl: platform.url,
      token: platform.adminToken,
      middleware: [{ onRequest: ({ request }) => void requests.push(request.url) }],
    });
    const paged: string[] = [];
    for await (const tenant of paginate(counting.tenants, '/v1.0/tenants', {
      params: { query: { name: prefix, pageSize: 3 } },
    })) {
      paged.push(tenant.tenantId);
    }
    const onePage = await unwrap(
      bbws.tenants.GET('/v1.0/tenants', { params: { query: { name: prefix, pageSize: 100 } } }),
    );
    expect(onePage.items).toHaveLength(7);
    expect(paged).toEqual(onePage.items.map((tenant) => tenant.tenantId));
    expect(new Set(paged).size).toBe(7);
    expect(requests).toHaveLength(3);
    expect(requests.slice(1).every((url) => new URL(url).searchParams.has('startAt'))).toBe(true);
  });

  it('replays a creating call sent again with the same Idempotency-Key', async () => {
    const body = newTenant(prefixOf());
    const key = `sdk-${randomUUID()}`;
    const header = { 'Idempotency-Key': key };
    const first = await bbws.tenants.POST('/v1.0/tenants', { body, params: { header } });
    const again = await bbws.tenants.POST('/v1.0/tenants', { body, params: { header } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data?.tenantId).toBe(first.data?.tenantId);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
  });

  describe('through a network that loses an answer', () => {
    let proxy: DroppingProxy;
    beforeAll(async () => {
      proxy = await startDroppingProxy(platform.url);
    });
    afterAll(() => proxy.close());

    it('retries a creating call whose answer was lost and creates once', async () => {
      const prefix = prefixOf();
      const client = createBbwsClient({
        baseUrl: proxy.url,
        token: platform.adminToken,
        retry: { attempts: 3, baseDelayMs: 50 },
      });
      proxy.dropNextAnswer((method, url) => method === 'POST' && url === '/v1.0/tenants');
      const created = await client.tenants.POST('/v1.0/tenants', { body: newTenant(prefix) });
      expect(created.response.status).toBe(201);
      expect(created.response.headers.get('idempotent-replayed')).toBe('true');

      const posts = proxy.seen.filter((request) => request.method === 'POST');
      expect(posts.map((request) => request.outcome)).toEqual(['dropped', 201]);
      expect(posts[0].idempotencyKey).toBeDefined();
      expect(posts[1].idempotencyKey).toBe(posts[0].idempotencyKey);
      const listed = await unwrap(bbws.tenants.GET('/v1.0/tenants', { params: { query: { name: prefix } } }));
      expect(listed.items.map((tenant) => tenant.tenantId)).toEqual([created.data?.tenantId]);
    });

    it('without retries, the lost answer is a BbwsNetworkError and the tenant exists anyway', async () => {
      const prefix = prefixOf();
      const client = createBbwsClient({ baseUrl: proxy.url, token: platform.adminToken, retry: false });
      proxy.dropNextAnswer((method, url) => method === 'POST' && url === '/v1.0/tenants');
      await expect(client.tenants.POST('/v1.0/tenants', { body: newTenant(prefix) })).rejects.toMatchObject({
        name: 'BbwsNetworkError',
      });
      const listed = await unwrap(bbws.tenants.GET('/v1.0/tenants', { params: { query: { name: prefix } } }));
      expect(listed.items).toHaveLength(1);
    });
  });

  it('writes with If-Match from a fetched resource, and a stale one is a 412', async () => {
    const created = await unwrap(bbws.tenants.POST('/v1.0/tenants', { body: newTenant(prefixOf()) }));
    const path = { tenantId: created.tenantId };
    const read = await bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path } });
    const tenant = read.data!;
    const updated = await unwrap(
      bbws.tenants.PATCH('/v1.0/tenants/{tenantId}', {
        params: { path, header: ifMatch(read) },
        body: { organizationName: `${tenant.organizationName} Renamed` },
      }),
    );
    expect(updated.version).toBe(tenant.version + 1);

    const stale = await unwrap(
      bbws.tenants.PATCH('/v1.0/tenants/{tenantId}', {
        params: { path, header: ifMatch(tenant) },
        body: { organizationName: `${tenant.organizationName} Again` },
      }),
    ).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(BbwsPreconditionFailedError);
    expect(stale).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    expect((stale as BbwsPreconditionFailedError).requestId).toBeTruthy();
    const after = await unwrap(bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path } }));
    expect(after.organizationName).toBe(`${tenant.organizationName} Renamed`);
  });
});
