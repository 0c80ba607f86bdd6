import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  BbwsApiError,
  BbwsConflictError,
  BbwsForbiddenError,
  BbwsNetworkError,
  BbwsNotFoundError,
  BbwsUnauthorizedError,
  BbwsValidationError,
  createBbwsClient,
  unwrap,
  type BbwsClient,
} from '@bbws/sdk';
import { startTestPlatform, type TestPlatform } from '../platform/test-platform';

jest.setTimeout(60_000);

describe('@bbws/sdk against the running apps: typed errors', () => {
  let platform: TestPlatform;
  let admin: BbwsClient;

  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = createBbwsClient({ baseUrl: platform.url, token: platform.adminToken });
  });
  afterAll(() => platform.close());

  const createTenant = async () => {
    const suffix = randomUUID().slice(0, 8);
    return unwrap(
      admin.tenants.POST('/v1.0/tenants', {
        body: { organizationName: `Errors ${suffix}`, contactEmail: `ops-${suffix}@example.com` },
      }),
    );
  };
  const failureOf = (call: Promise<unknown>) =>
    call.then(
      () => {
        throw new Error('the call succeeded');
      },
      (error: unknown) => error as BbwsApiError,
    );

  it("answers a member asking for another tenant's resources with BbwsNotFoundError", async () => {
    const email = `alice-${randomUUID().slice(0, 8)}@example.com`;
    const alice = createBbwsClient({ baseUrl: platform.url, token: () => platform.userToken(email) });
    await unwrap(alice.tenants.GET('/v1.0/users/me'));
    const own = await createTenant();
    const other = await createTenant();
    await unwrap(
      admin.tenants.POST('/v1.0/tenants/{tenantId}/members', {
        params: { path: { tenantId: own.tenantId } },
        body: { email, role: 'ADMIN' },
      }),
    );
    await expect(
      unwrap(alice.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId: own.tenantId } } })),
    ).resolves.toMatchObject({ tenantId: own.tenantId });

    const error = await failureOf(
      unwrap(
        alice.sites.GET('/v1.0/tenants/{tenantId}/sites', { params: { path: { tenantId: other.tenantId } } }),
      ),
    );
    expect(error).toBeInstanceOf(BbwsNotFoundError);
    expect(error).toMatchObject({ status: 404 });
    expect(error.requestId).toBeTruthy();
    const audit = await failureOf(
      unwrap(
        alice.tenants.GET('/v1.0/tenants/{tenantId}/audit', {
          params: { path: { tenantId: other.tenantId } },
        }),
      ),
    );
    expect(audit).toBeInstanceOf(BbwsNotFoundError);
    const notAdmin = await failureOf(
      unwrap(
        alice.tenants.POST('/v1.0/tenants', {
          body: { organizationName: 'Not Allowed', contactEmail: 'no@example.com' },
        }),
      ),
    );
    expect(notAdmin).toBeInstanceOf(BbwsForbiddenError);
    expect(notAdmin).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('answers a conflict with BbwsConflictError and a broken rule (no ready instance) with BbwsValidationError, with their codes', async () => {
    const tenant = await createTenant();
    const email = `bob-${randomUUID().slice(0, 8)}@example.com`;
    await platform.userToken(email);
    const add = () =>
      unwrap(
        admin.tenants.POST('/v1.0/tenants/{tenantId}/members', {
          params: { path: { tenantId: tenant.tenantId } },
          body: { email, role: 'VIEWER' },
        }),
      );
    await add();
    const again = await failureOf(add());
    expect(again).toBeInstanceOf(BbwsConflictError);
    expect(again).toMatchObject({ status: 409, code: 'ALREADY_MEMBER' });

    const site = await failureOf(
      unwrap(
        admin.sites.POST('/v1.0/tenants/{tenantId}/sites', {
          params: { path: { tenantId: tenant.tenantId } },
          body: { siteName: 'Shop', subdomain: `shop-${randomUUID().slice(0, 8)}` },
        }),
      ),
    );
    expect(site).toBeInstanceOf(BbwsValidationError);
    expect(site).toMatchObject({ status: 422, code: 'INSTANCE_NOT_READY' });
  });

  it('answers a call without a token, or with a bad one, with BbwsUnauthorizedError', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const anonymous = createBbwsClient({ baseUrl: platform.url, token });
      const error = await failureOf(unwrap(anonymous.tenants.GET('/v1.0/tenants')));
      expect(error).toBeInstanceOf(BbwsUnauthorizedError);
      expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    }
  });

  it('answers an invalid body with BbwsValidationError naming the fields', async () => {
    const error = await failureOf(
      unwrap(
        admin.tenants.POST('/v1.0/tenants', { body: { organizationName: '', contactEmail: 'not-an-email' } }),
      ),
    );
    expect(error).toBeInstanceOf(BbwsValidationError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    const fields = (error.details.fields as Array<{ field: string }>).map((entry) => entry.field);
    expect(fields).toEqual(expect.arrayContaining(['organizationName', 'contactEmail']));
  });

  it('throws BbwsNetworkError when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const nowhere = createBbwsClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: 't',
      retry: { attempts: 2, baseDelayMs: 1 },
    });
    const error = await nowhere.tenants.GET('/v1.0/tenants').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BbwsNetworkError);
    expect((error as BbwsNetworkError).url).toBe(`http://127.0.0.1:${port}/v1.0/tenants`);
    await expect(nowhere.follow('/v1.0/operations/op-1')).rejects.toBeInstanceOf(BbwsNetworkError);
  });
});
