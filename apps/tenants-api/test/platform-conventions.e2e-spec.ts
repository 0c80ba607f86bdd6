import { generateKeyPair } from 'jose';
import { signTestToken } from '@bbws/testing-engines';
import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

describe('tenants-api platform conventions', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  const getTenants = (token: string) => fx.api.request({ method: 'GET', url: '/v1.0/tenants', token });

  it('serves /health and /ready (its table reachable) without a token', async () => {
    expect((await fx.api.request({ method: 'GET', url: '/health' })).body).toEqual({ status: 'ok' });
    const ready = await fx.api.request({ method: 'GET', url: '/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual(
      expect.arrayContaining([{ name: 'table:bbws-tenants-test', status: 'ok' }]),
    );
  });

  it('reports not ready when its table is unreachable', async () => {
    const broken = await startTenantsApi({ TABLE_TENANTS: 'no-such-table' });
    try {
      const ready = await broken.api.request({ method: 'GET', url: '/ready' });
      expect(ready.status).toBe(503);
      expect(ready.body.checks[0]).toMatchObject({ name: 'table:no-such-table', status: 'failing' });
    } finally {
      await broken.close();
    }
  });

  it('serves its OpenAPI document at /docs-json with the tenant routes, and the UI at /docs', async () => {
    const json = await fx.api.request({ method: 'GET', url: '/docs-json' });
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1.0/tenants',
        '/v1.0/tenants/{tenantId}',
        '/v1.0/tenants/{tenantId}/status',
        '/v1.0/tenants/{tenantId}/audit',
      ]),
    );
    expect(json.body.components.schemas.CreateTenantRequestDto.required).toEqual([
      'organizationName',
      'contactEmail',
    ]);
    const ui = await fx.api.request({ method: 'GET', url: '/docs' });
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('echoes a given X-Request-Id, generates one otherwise, and puts it in error bodies', async () => {
    const given = await fx.api.request({
      method: 'GET',
      url: '/v1.0/tenants',
      headers: { 'x-request-id': 'trace-abc.123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    expect(given.body.requestId).toBe('trace-abc.123');
    const generated = await fx.api.request({ method: 'GET', url: '/v1.0/tenants' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.body.requestId).toBe(generated.headers['x-request-id']);
    const unsafe = await fx.api.request({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(unsafe.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('answers unknown routes with the error envelope', async () => {
    const response = await fx.api.request({
      method: 'GET',
      url: '/v1.0/nothing-here',
      token: fx.admin.token,
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND' },
      requestId: expect.any(String),
      timestamp: expect.any(String),
    });
  });

  describe('token verification', () => {
    const claims = { sub: 'user-1', email: 'u@x.example' };

    it('accepts a valid token', async () => {
      expect((await getTenants(await signTestToken(claims))).status).toBe(200);
    });

    it.each([
      ['an expired token', { expiresInSeconds: -60 }, 'expired'],
      ['another audience', { audience: 'someone-else' }, 'audience'],
      ['another issuer', { issuer: 'https://evil.example' }, 'iss'],
    ])('rejects %s with 401', async (_case, overrides, hint) => {
      const response = await getTenants(await signTestToken({ ...claims, ...overrides }));
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHORIZED');
      expect(response.body.error.message).toContain(hint);
    });

    it('rejects a token signed by a key outside the JWKS', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const response = await getTenants(await signTestToken({ ...claims, key: privateKey }));
      expect(response.status).toBe(401);
    });

    it('rejects a token whose payload was altered', async () => {
      const [header, payload, signature] = (await signTestToken(claims)).split('.');
      const altered = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
          'cognito:groups': ['platform-admin'],
        }),
      ).toString('base64url');
      expect((await getTenants(`${header}.${altered}.${signature}`)).status).toBe(401);
    });

    it('rejects a non-bearer Authorization header', async () => {
      const response = await fx.api.request({
        method: 'GET',
        url: '/v1.0/tenants',
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      });
      expect(response.status).toBe(401);
    });
  });
});
