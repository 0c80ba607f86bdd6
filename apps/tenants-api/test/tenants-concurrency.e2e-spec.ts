import { startTenantsApi, uniqueName, type TenantsApiFixture } from './tenants-api.fixture';

describe('tenants under concurrency', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  it('20 parallel creates of one organization name give exactly one 201 and nineteen 409s', async () => {
    const name = uniqueName('Race');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fx.api.request({
          method: 'POST',
          url: '/v1.0/tenants',
          token: fx.admin.token,
          body: { organizationName: i % 2 ? name.toUpperCase() : name, contactEmail: `c${i}@x.example` },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect(
      responses.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ORGANIZATION_NAME_TAKEN'),
    ).toBe(true);
    const listed = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants?name=${encodeURIComponent(name)}`,
      token: fx.admin.token,
    });
    expect(listed.body.items).toHaveLength(1);
  });

  it('10 parallel PATCHes with the same If-Match give exactly one 200', async () => {
    const tenant = await fx.createTenant();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fx.api.request({
          method: 'PATCH',
          url: `/v1.0/tenants/${tenant.tenantId}`,
          token: fx.admin.token,
          headers: { 'if-match': '"1"' },
          body: { contactEmail: `writer${i}@x.example` },
        }),
      ),
    );
    const ok = responses.filter((response) => response.status === 200);
    expect(ok).toHaveLength(1);
    expect(responses.filter((response) => response.status === 412)).toHaveLength(9);
    const current = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(current.body).toMatchObject({ version: 2, contactEmail: ok[0].body.contactEmail });
  });

  it('parallel PATCHes without If-Match never lose an update silently', async () => {
    const tenant = await fx.createTenant();
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        fx.api.request({
          method: 'PATCH',
          url: `/v1.0/tenants/${tenant.tenantId}`,
          token: fx.admin.token,
          body: { metadata: { writer: i } },
        }),
      ),
    );
    const ok = responses.filter((response) => response.status === 200);
    const current = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(current.body.version).toBe(1 + ok.length);
    expect(responses.every((response) => [200, 412].includes(response.status))).toBe(true);
  });
});
