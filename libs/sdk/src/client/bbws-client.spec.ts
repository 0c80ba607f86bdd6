import { apiError, json, scriptedFetch } from '../../test/scripted-fetch';
import { BbwsNotFoundError, createBbwsClient, unwrap } from '../index';

const tenant = { tenantId: 'tenant-1', organizationName: 'Acme', version: 1 };

describe('createBbwsClient', () => {
  it('asks a token function once per request, so a refreshed token is used from then on', async () => {
    const { fetch, seen } = scriptedFetch(json(200, tenant));
    const tokens = ['first', 'second'];
    const provider = jest.fn(async () => tokens.shift());
    const bbws = createBbwsClient({ fetch, token: provider });
    await bbws.tenants.GET('/v1.0/tenants');
    await bbws.sites.GET('/v1.0/tenants/{tenantId}/sites', { params: { path: { tenantId: 't' } } });
    expect(provider).toHaveBeenCalledTimes(2);
    expect(seen.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
    ]);
  });

  it('sends no Authorization without a token, and keeps one the call sets itself', async () => {
    const { fetch, seen } = scriptedFetch(json(200, tenant));
    await createBbwsClient({ fetch }).tenants.GET('/v1.0/tenants');
    await createBbwsClient({ fetch, token: 'mine' }).tenants.GET('/v1.0/tenants', {
      headers: { authorization: 'Bearer explicit' },
    });
    expect(seen[0].headers.has('authorization')).toBe(false);
    expect(seen[1].headers.get('authorization')).toBe('Bearer explicit');
  });

  it('adds an Idempotency-Key to creating calls whose document declares it, and only to those', async () => {
    const { fetch, seen } = scriptedFetch(json(201, tenant));
    let next = 0;
    const bbws = createBbwsClient({ fetch, newIdempotencyKey: () => `key-${++next}` });
    const body = { organizationName: 'Acme', contactEmail: 'ops@acme.example' };
    await bbws.tenants.POST('/v1.0/tenants', { body });
    await bbws.tenants.POST('/v1.0/tenants', { body, params: { header: { 'Idempotency-Key': 'mine' } } });
    await bbws.operations.POST('/v1.0/operations/{operationId}/cancel', {
      params: { path: { operationId: 'op-1' } },
    });
    await bbws.tenants.GET('/v1.0/tenants');
    expect(seen.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'key-1',
      'mine',
      null,
      null,
    ]);
  });

  it('sends each service to its own URL when given, else to the base URL', async () => {
    const { fetch, seen } = scriptedFetch(json(200, tenant));
    const bbws = createBbwsClient({
      baseUrl: 'http://front.test/',
      serviceUrls: { sites: 'http://sites.test' },
      fetch,
    });
    await bbws.tenants.GET('/v1.0/tenants');
    await bbws.sites.GET('/v1.0/tenants/{tenantId}/sites', { params: { path: { tenantId: 't' } } });
    expect(bbws.baseUrl).toBe('http://front.test');
    expect(seen.map((request) => request.url)).toEqual([
      'http://front.test/v1.0/tenants',
      'http://sites.test/v1.0/tenants/t/sites',
    ]);
  });

  it('follow() resolves hrefs against the service and throws the typed error of a non-2xx', async () => {
    const { fetch, seen } = scriptedFetch(apiError(404, 'NOT_FOUND'));
    const bbws = createBbwsClient({ baseUrl: 'http://front.test', fetch, token: 't0k' });
    const error = await bbws.follow('/v1.0/operations/op-9').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BbwsNotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: 'req-1' });
    expect(seen[0].url).toBe('http://front.test/v1.0/operations/op-9');
    expect(seen[0].headers.get('authorization')).toBe('Bearer t0k');
  });

  it('unwrap() gives the data of a 2xx', async () => {
    const { fetch } = scriptedFetch(json(200, tenant));
    const bbws = createBbwsClient({ fetch });
    await expect(
      unwrap(bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: 'tenant-1' } } })),
    ).resolves.toEqual(tenant);
  });
});
