import { apiError, dropped, json, scriptedFetch } from '../../test/scripted-fetch';
import {
  BbwsNetworkError,
  BbwsRateLimitedError,
  BbwsUnavailableError,
  createBbwsClient,
  unwrap,
} from '../index';

const tenant = { tenantId: 'tenant-1', organizationName: 'Acme', version: 1 };
const body = { organizationName: 'Acme', contactEmail: 'ops@acme.example' };
const fast = { attempts: 3, baseDelayMs: 1 };

describe('retry policy', () => {
  it('retries a GET after a dropped connection and answers the retry', async () => {
    const { fetch, seen } = scriptedFetch(dropped(), json(200, tenant));
    const bbws = createBbwsClient({ fetch, retry: fast });
    const data = await unwrap(
      bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 'tenant-1' } } }),
    );
    expect(data).toEqual(tenant);
    expect(seen.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('sends a keyed creating call again with the same Idempotency-Key and body', async () => {
    const { fetch, seen } = scriptedFetch(
      dropped(),
      apiError(503, 'DEPENDENCY_UNAVAILABLE'),
      json(201, tenant),
    );
    const bbws = createBbwsClient({ fetch, retry: fast, newIdempotencyKey: () => 'key-1' });
    await unwrap(bbws.tenants.POST('/v1.0/tenants', { body }));
    expect(seen).toHaveLength(3);
    expect(seen.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'key-1',
      'key-1',
      'key-1',
    ]);
    expect(seen.map((request) => JSON.parse(request.body))).toEqual([body, body, body]);
  });

  it('retries a keyed call the server still runs (409 IDEMPOTENCY_IN_PROGRESS), not other conflicts', async () => {
    const running = scriptedFetch(apiError(409, 'IDEMPOTENCY_IN_PROGRESS'), json(201, tenant));
    await unwrap(
      createBbwsClient({ fetch: running.fetch, retry: fast }).tenants.POST('/v1.0/tenants', { body }),
    );
    expect(running.seen).toHaveLength(2);

    const taken = scriptedFetch(apiError(409, 'TENANT_NAME_TAKEN'), json(201, tenant));
    const call = createBbwsClient({ fetch: taken.fetch, retry: fast }).tenants.POST('/v1.0/tenants', {
      body,
    });
    await expect(unwrap(call)).rejects.toMatchObject({ status: 409, code: 'TENANT_NAME_TAKEN' });
    expect(taken.seen).toHaveLength(1);
  });

  it('waits what Retry-After says before trying again', async () => {
    const { fetch, seen } = scriptedFetch(
      apiError(429, 'RATE_LIMITED', { 'retry-after': '1' }),
      json(200, tenant),
    );
    const bbws = createBbwsClient({ fetch, retry: { attempts: 2, baseDelayMs: 1 } });
    const started = Date.now();
    await unwrap(bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 't' } } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toHaveLength(2);
  });

  it('answers a Retry-After longer than maxDelayMs at once, with retryAfter on the error', async () => {
    const { fetch, seen } = scriptedFetch(apiError(429, 'RATE_LIMITED', { 'retry-after': '120' }));
    const bbws = createBbwsClient({ fetch, retry: { attempts: 3, maxDelayMs: 5_000 } });
    const error = await unwrap(
      bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 't' } } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BbwsRateLimitedError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 120 });
    expect(seen).toHaveLength(1);
  });

  it('never repeats writes that are not safe to send twice', async () => {
    const { fetch, seen } = scriptedFetch(apiError(503, 'DEPENDENCY_UNAVAILABLE'));
    const bbws = createBbwsClient({ fetch, retry: fast });
    const patch = bbws.tenants.PATCH('/v1.0/tenants/{tenantId}', {
      params: { path: { tenantId: 't' } },
      body: { organizationName: 'Acme 2' },
    });
    await expect(unwrap(patch)).rejects.toBeInstanceOf(BbwsUnavailableError);
    const cancel = bbws.operations.POST('/v1.0/operations/{operationId}/cancel', {
      params: { path: { operationId: 'op-1' } },
    });
    await expect(unwrap(cancel)).rejects.toBeInstanceOf(BbwsUnavailableError);
    expect(seen.map((request) => request.method)).toEqual(['PATCH', 'POST']);
    expect(seen[1].headers.has('idempotency-key')).toBe(false);
  });

  it('gives up after the attempts with the last answer, or BbwsNetworkError when none came', async () => {
    const unavailable = scriptedFetch(apiError(503, 'DEPENDENCY_UNAVAILABLE'));
    const get = createBbwsClient({ fetch: unavailable.fetch, retry: fast }).tenants.GET('/v1.0/tenants');
    await expect(unwrap(get)).rejects.toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(unavailable.seen).toHaveLength(3);

    const down = scriptedFetch(dropped());
    const call = createBbwsClient({ fetch: down.fetch, retry: fast }).tenants.GET('/v1.0/tenants');
    await expect(call).rejects.toBeInstanceOf(BbwsNetworkError);
    expect(down.seen).toHaveLength(3);
  });

  it('sends each request once with retry: false', async () => {
    const { fetch, seen } = scriptedFetch(dropped(), json(200, tenant));
    const call = createBbwsClient({ fetch, retry: false }).tenants.GET('/v1.0/tenants');
    await expect(call).rejects.toBeInstanceOf(BbwsNetworkError);
    expect(seen).toHaveLength(1);
  });

  it('retries follow() reads too', async () => {
    const { fetch, seen } = scriptedFetch(apiError(502, 'BAD_GATEWAY'), json(200, { operationId: 'op-1' }));
    const bbws = createBbwsClient({ baseUrl: 'http://api.test', fetch, retry: fast });
    const { data } = await bbws.follow<{ operationId: string }>('/v1.0/operations/op-1');
    expect(data.operationId).toBe('op-1');
    expect(seen.map((request) => request.url)).toEqual([
      'http://api.test/v1.0/operations/op-1',
      'http://api.test/v1.0/operations/op-1',
    ]);
  });
});
