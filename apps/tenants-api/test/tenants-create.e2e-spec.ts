import { newTestUser } from '@bbws/testing-e2e';
import { startTenantsApi, uniqueName, type TenantsApiFixture } from './tenants-api.fixture';

describe('POST /v1.0/tenants', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  const post = (body: unknown, token = fx.admin.token, headers: Record<string, string> = {}) =>
    fx.api.request({ method: 'POST', url: '/v1.0/tenants', token, body, headers });

  it('creates a PENDING tenant with defaults, a Location header, an ETag and links', async () => {
    const name = uniqueName('Acme & Sons');
    const response = await post({ organizationName: `  ${name} `, contactEmail: 'ops@acme.example' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      organizationName: name,
      contactEmail: 'ops@acme.example',
      tier: 'STANDARD',
      status: 'PENDING',
      statusReason: null,
      metadata: {},
      createdBy: fx.admin.userId,
      version: 1,
    });
    expect(response.body.tenantId).toMatch(/^tenant-[0-9a-f-]{36}$/);
    expect(response.headers.location).toBe(`/v1.0/tenants/${response.body.tenantId}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body._links.self.href).toBe(`/v1.0/tenants/${response.body.tenantId}`);
    const read = await fx.api.request({
      method: 'GET',
      url: response.headers.location as string,
      token: fx.admin.token,
    });
    expect(read.body).toEqual(response.body);
  });

  it('accepts tier case-insensitively and keeps metadata', async () => {
    const response = await post({
      organizationName: uniqueName(),
      contactEmail: 'a@b.example',
      tier: 'enterprise',
      metadata: { crm: { id: 42 } },
    });
    expect(response.status).toBe(201);
    expect(response.body.tier).toBe('ENTERPRISE');
    expect(response.body.metadata).toEqual({ crm: { id: 42 } });
  });

  it('writes a TENANT_CREATED audit event in the same transaction', async () => {
    const { body } = await post({ organizationName: uniqueName(), contactEmail: 'a@b.example' });
    const audit = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${body.tenantId}/audit`,
      token: fx.admin.token,
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'TENANT_CREATED', actor: fx.admin.userId, afterStatus: 'PENDING' }),
    ]);
  });

  it.each([
    ['a missing organizationName', { contactEmail: 'a@b.example' }, 'organizationName'],
    [
      'a one-letter organizationName',
      { organizationName: 'A', contactEmail: 'a@b.example' },
      'organizationName',
    ],
    [
      'a 101-character organizationName',
      { organizationName: 'A'.repeat(101), contactEmail: 'a@b.example' },
      'organizationName',
    ],
    [
      'forbidden characters in the name',
      { organizationName: 'Acme <script>', contactEmail: 'a@b.example' },
      'organizationName',
    ],
    [
      'a name that is not a string',
      { organizationName: 42, contactEmail: 'a@b.example' },
      'organizationName',
    ],
    ['a missing contactEmail', { organizationName: 'Acme Valid' }, 'contactEmail'],
    [
      'an invalid contactEmail',
      { organizationName: 'Acme Valid', contactEmail: 'not-an-email' },
      'contactEmail',
    ],
    [
      'an unknown tier',
      { organizationName: 'Acme Valid', contactEmail: 'a@b.example', tier: 'GOLD' },
      'tier',
    ],
    [
      'metadata that is not an object',
      { organizationName: 'Acme Valid', contactEmail: 'a@b.example', metadata: 'x' },
      'metadata',
    ],
    [
      'metadata over 4 KiB',
      { organizationName: 'Acme Valid', contactEmail: 'a@b.example', metadata: { blob: 'x'.repeat(4100) } },
      'metadata',
    ],
    [
      'an unknown field',
      { organizationName: 'Acme Valid', contactEmail: 'a@b.example', status: 'ACTIVE' },
      'status',
    ],
  ])('rejects %s with 400 and the field named', async (_case, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_ERROR');
    expect(response.body.error.details.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('rejects a body that is not JSON, a JSON array, and a body over 256 KiB', async () => {
    const notJson = await fx.api.request({
      method: 'POST',
      url: '/v1.0/tenants',
      token: fx.admin.token,
      rawBody: '{"organizationName":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION_ERROR');
    const array = await post([{ organizationName: 'Acme Valid', contactEmail: 'a@b.example' }]);
    expect(array.status).toBe(400);
    const huge = await post({
      organizationName: 'Acme Valid',
      contactEmail: 'a@b.example',
      metadata: { blob: 'x'.repeat(300 * 1024) },
    });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('changes nothing when the request is invalid', async () => {
    const name = uniqueName();
    expect((await post({ organizationName: name, contactEmail: 'bad' })).status).toBe(400);
    expect((await post({ organizationName: name, contactEmail: 'ok@b.example' })).status).toBe(201);
  });

  it('refuses a second tenant whose name differs only in case and spacing (409)', async () => {
    const name = uniqueName('Blue  Whale');
    expect((await post({ organizationName: name, contactEmail: 'a@b.example' })).status).toBe(201);
    const clash = await post({
      organizationName: `  ${name.toUpperCase().replace(/ /g, '   ')} `,
      contactEmail: 'a@b.example',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('ORGANIZATION_NAME_TAKEN');
  });

  it('is for platform admins only: a tenant member gets 403, no token 401', async () => {
    const user = await newTestUser();
    const forbidden = await post({ organizationName: uniqueName(), contactEmail: 'a@b.example' }, user.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const anonymous = await fx.api.request({
      method: 'POST',
      url: '/v1.0/tenants',
      body: { organizationName: uniqueName(), contactEmail: 'a@b.example' },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHORIZED');
  });

  describe('Idempotency-Key', () => {
    it('replays the original response for the same key and body, creating one tenant', async () => {
      const key = `key-${Date.now()}-${Math.random()}`;
      const body = { organizationName: uniqueName(), contactEmail: 'a@b.example' };
      const first = await post(body, fx.admin.token, { 'idempotency-key': key });
      const second = await post(body, fx.admin.token, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.headers.location).toBe(first.headers.location);
      const list = await fx.api.request({
        method: 'GET',
        url: `/v1.0/tenants?name=${encodeURIComponent(body.organizationName)}`,
        token: fx.admin.token,
      });
      expect(list.body.items).toHaveLength(1);
    });

    it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
      const key = `key-${Date.now()}-${Math.random()}`;
      expect(
        (
          await post({ organizationName: uniqueName(), contactEmail: 'a@b.example' }, fx.admin.token, {
            'idempotency-key': key,
          })
        ).status,
      ).toBe(201);
      const reused = await post(
        { organizationName: uniqueName(), contactEmail: 'a@b.example' },
        fx.admin.token,
        { 'idempotency-key': key },
      );
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('lets a failed request be retried with the same key', async () => {
      const key = `key-${Date.now()}-${Math.random()}`;
      const name = uniqueName();
      expect(
        (
          await post({ organizationName: name, contactEmail: 'bad' }, fx.admin.token, {
            'idempotency-key': key,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await post({ organizationName: name, contactEmail: 'good@b.example' }, fx.admin.token, {
            'idempotency-key': key,
          })
        ).status,
      ).toBe(201);
    });

    it('rejects a key longer than 128 characters', async () => {
      const response = await post(
        { organizationName: uniqueName(), contactEmail: 'a@b.example' },
        fx.admin.token,
        { 'idempotency-key': 'k'.repeat(129) },
      );
      expect(response.status).toBe(400);
    });

    it('keeps keys per caller: another admin with the same key creates its own tenant', async () => {
      const other = await newTestUser({ platformAdmin: true });
      const key = `shared-${Date.now()}`;
      const first = await post(
        { organizationName: uniqueName(), contactEmail: 'a@b.example' },
        fx.admin.token,
        { 'idempotency-key': key },
      );
      const second = await post(
        { organizationName: uniqueName(), contactEmail: 'a@b.example' },
        other.token,
        { 'idempotency-key': key },
      );
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body.tenantId).not.toBe(first.body.tenantId);
    });
  });
});
