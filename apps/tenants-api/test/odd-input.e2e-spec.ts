import { newTestUser } from '@bbws/testing-e2e';
import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

// Found by the bad-input fuzzer (tools/reliability/fuzz): an email holding a lone surrogate made isEmail
// throw a URIError, answered 500.
describe('text that is not well-formed Unicode', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  it.each([
    ['an email', { email: 'bob\uD800@example.com', role: 'VIEWER' }, 'email'],
    ['a message', { email: 'bob@example.com', role: 'VIEWER', message: 'Hi \uDC00' }, 'message'],
  ])('refuses %s with a lone surrogate as VALIDATION_ERROR, inviting nobody', async (_case, body, field) => {
    const tenant = await fx.createTenant();
    const admin = await newTestUser();
    await fx.addMember(tenant.tenantId, admin, 'ADMIN');
    const url = `/v1.0/tenants/${tenant.tenantId}/invitations`;
    const response = await fx.api.request({ method: 'POST', url, token: admin.token, body });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: { fields: [{ field }] } });
    const listed = await fx.api.request({ method: 'GET', url, token: admin.token });
    expect(listed.body.items).toEqual([]);
  });
});

// Found by the bad-input fuzzer: class-validator's whitelist took `constructor`, `toString`... for declared
// fields (it looks names up in a plain object), so `{"name":"x","constructor":"y"}` created a division.
describe('fields named like inherited object properties', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  it.each(['constructor', 'toString', 'hasOwnProperty'])(
    'refuses %s as an unknown field, creating nothing',
    async (key) => {
      const tenant = await fx.createTenant();
      const admin = await newTestUser();
      await fx.addMember(tenant.tenantId, admin, 'ADMIN');
      const url = `/v1.0/tenants/${tenant.tenantId}/divisions`;
      const response = await fx.api.request({
        method: 'POST',
        url,
        token: admin.token,
        rawBody: `{"name":"Sales","${key}":"x"}`,
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { fields: [{ field: key }] },
      });
      expect((await fx.api.request({ method: 'GET', url, token: admin.token })).body.items).toEqual([]);
    },
  );
});
