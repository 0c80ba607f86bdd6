import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

/** `/ready` checks the table and every queue the tenants API sends to. */
describe('tenants-api readiness', () => {
  it('is ready when its table and its queues (tenant events, webhooks) answer', async () => {
    const fx = await startTenantsApi();
    try {
      const ready = await fx.api.request({ method: 'GET', url: '/ready' });
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({
        status: 'ready',
        checks: [
          { name: 'table:bbws-tenants-test', status: 'ok' },
          { name: 'queue:bbws-tenant-events-test', status: 'ok' },
          { name: 'queue:bbws-webhooks-test', status: 'ok' },
        ],
      });
    } finally {
      await fx.close();
    }
  });

  it('answers 503 naming the queues that do not exist (a stage whose queues were never created)', async () => {
    let fx: TenantsApiFixture | undefined;
    try {
      fx = await startTenantsApi({
        BBWS_STAGE: 'sit',
        TABLE_TENANTS: 'bbws-tenants-test',
        TABLE_OPERATIONS: 'bbws-operations-test',
        CURSOR_SECRET: 'x'.repeat(32),
        AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
        AUTH_AUDIENCE: 'client-id',
        AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json',
        TRUST_PROXY: '10.20.0.0/16',
        COGNITO_USER_POOL_ID: 'eu-west-1_abc',
      });
      const ready = await fx.api.request({ method: 'GET', url: '/ready' });
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not-ready');
      expect(ready.body.checks).toEqual([
        { name: 'table:bbws-tenants-test', status: 'ok' },
        { name: 'queue:bbws-tenant-events-sit', status: 'failing', message: expect.any(String) },
        { name: 'queue:bbws-webhooks-sit', status: 'failing', message: expect.any(String) },
      ]);
    } finally {
      await fx?.close();
    }
  });
});
