import { LOCAL_API_APPS } from '@bbws/shared-config';
import { eventually } from '@bbws/testing-engines';
import { startTestPlatform, type TestPlatform } from './test-platform';

jest.setTimeout(60_000);

describe('test platform: the API apps, the front door and the workers in-process', () => {
  let platform: TestPlatform;
  let admin: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: ['tenant-events'] });
    admin = await platform.adminToken();
  });
  afterAll(() => platform.close());

  const call = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await fetch(`${platform.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${init.token ?? admin}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };

  it('serves each app on its own port and every one through the front door', async () => {
    expect(Object.keys(platform.serviceUrls).sort()).toEqual([...LOCAL_API_APPS].sort());
    for (const url of Object.values(platform.serviceUrls)) {
      expect((await fetch(`${url}/health`)).status).toBe(200);
    }
    const tenant = (await call('/v1.0/tenants', { method: 'POST', body: newTenant() })).body;
    const answers = await Promise.all([
      call(`/v1.0/tenants/${tenant.tenantId}`),
      call(`/v1.0/tenants/${tenant.tenantId}/instances`),
      call(`/v1.0/tenants/${tenant.tenantId}/sites`),
      call('/v1.0/templates'),
      call('/v1.0/plugins'),
      call(`/v1.0/tenants/${tenant.tenantId}/operations`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers[0].body).toMatchObject({ tenantId: tenant.tenantId, status: 'PENDING' });
    for (const list of answers.slice(1)) expect(list.body).toHaveProperty('items');
  });

  it('publishes the keys its tokens are signed with, as the local front door does', async () => {
    const jwks = (await (await fetch(`${platform.url}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    const token = await platform.adminToken();
    const { kid } = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string };
    expect(jwks.keys.map((key) => key.kid)).toContain(kid);
  });

  it('verifies the tokens it hands out: an admin and a user with no tenant', async () => {
    const me = await call('/v1.0/users/me', { token: await platform.userToken('someone@example.com') });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'someone@example.com' });
    expect(await platform.userToken('Someone@example.com')).toBe(
      await platform.userToken('someone@example.com'),
    );
    const forbidden = await call('/v1.0/tenants', {
      method: 'POST',
      body: newTenant(),
      token: await platform.userToken('someone@example.com'),
    });
    expect(forbidden.status).toBe(403);
    expect((await call('/v1.0/tenants?pageSize=1', { token: 'not-a-token' })).status).toBe(401);
  });

  it('completes a tenant lifecycle operation through the in-process workers', async () => {
    const tenant = (await call('/v1.0/tenants', { method: 'POST', body: newTenant() })).body;
    const active = await call(`/v1.0/tenants/${tenant.tenantId}/status`, {
      method: 'PATCH',
      body: { status: 'ACTIVE', reason: 'test platform' },
    });
    expect(active.status).toBe(200);
    const accepted = await call(`/v1.0/tenants/${tenant.tenantId}/lifecycle/suspend`, {
      method: 'POST',
      body: { reason: 'Testing the platform harness' },
    });
    expect(accepted.status).toBe(202);
    const location = accepted.headers.get('location') as string;
    expect(location).toContain(accepted.body.operationId);
    const done = await eventually(async () => {
      const operation = (await call(new URL(location, platform.url).pathname)).body;
      return operation.status === 'COMPLETED' ? operation : undefined;
    });
    expect(done).toMatchObject({ type: 'TENANT_SUSPEND', progress: 100 });
    expect((await call(`/v1.0/tenants/${tenant.tenantId}`)).body.status).toBe('SUSPENDED');
  });
});

function newTenant() {
  const suffix = Math.random().toString(36).slice(2, 10);
  return { organizationName: `Platform Org ${suffix}`, contactEmail: `ops-${suffix}@example.com` };
}
