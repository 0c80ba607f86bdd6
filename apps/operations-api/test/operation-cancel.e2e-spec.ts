import { newId } from '@bbws/shared-util';
import { startOperationsApi, type OperationsApiFixture } from './operations-api.fixture';

describe('POST /v1.0/operations/:operationId/cancel: who may cancel', () => {
  let fx: OperationsApiFixture;
  beforeAll(async () => {
    fx = await startOperationsApi();
  });
  afterAll(() => fx.close());

  const get = (operationId: string, token: string) =>
    fx.api.request({ method: 'GET', url: `/v1.0/operations/${operationId}`, token });
  const cancel = (operationId: string, token: string) =>
    fx.api.request({ method: 'POST', url: `/v1.0/operations/${operationId}/cancel`, token });
  const cancelLink = (operationId: string) => ({
    href: `/v1.0/operations/${operationId}/cancel`,
    method: 'POST',
  });

  /** A PENDING lifecycle operation a platform admin started on a tenant, stored without `cancellableBy` (as before it existed). */
  async function pendingTenantOperation(type: string) {
    const tenantId = newId('tenant');
    return fx.seedOperation({
      tenantId,
      type,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: fx.admin.userId,
    });
  }

  it.each(['TENANT_SUSPEND', 'TENANT_PARK', 'TENANT_RESUME', 'TENANT_UNPARK'])(
    "refuses a tenant ADMIN a platform admin's pending %s (403, no link, still PENDING)",
    async (type) => {
      const operation = await pendingTenantOperation(type);
      const tenantAdmin = await fx.member(operation.tenantId, 'ADMIN');
      const seen = await get(operation.operationId, tenantAdmin.token);
      expect(seen.status).toBe(200);
      expect(seen.body._links.cancel).toBeUndefined();
      const refused = await cancel(operation.operationId, tenantAdmin.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await fx.operations.get(operation.operationId))?.status).toBe('PENDING');
      expect(await fx.operations.activeOperationId(operation.resourceId)).toBe(operation.operationId);
    },
  );

  it('lets a platform admin cancel a pending tenant suspension, with the link', async () => {
    const operation = await pendingTenantOperation('TENANT_SUSPEND');
    expect((await get(operation.operationId, fx.admin.token)).body._links.cancel).toEqual(
      cancelLink(operation.operationId),
    );
    const response = await cancel(operation.operationId, fx.admin.token);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('CANCELLED');
    expect(await fx.operations.activeOperationId(operation.resourceId)).toBeNull();
  });

  it('follows the cancellers stored on the operation over the type', async () => {
    const operation = await fx.seedOperation({ type: 'SITE_CREATION', cancellableBy: 'PLATFORM_ADMINS' });
    const tenantAdmin = await fx.member(operation.tenantId, 'ADMIN');
    expect((await get(operation.operationId, tenantAdmin.token)).body._links.cancel).toBeUndefined();
    expect((await cancel(operation.operationId, tenantAdmin.token)).status).toBe(403);
    expect((await fx.operations.get(operation.operationId))?.status).toBe('PENDING');
  });

  describe('an operation tenant members may start (SITE_CREATION)', () => {
    it('lets its creator, an OPERATOR, cancel it, with the link', async () => {
      const tenantId = newId('tenant');
      const creator = await fx.member(tenantId, 'OPERATOR');
      const operation = await fx.seedOperation({ tenantId, createdBy: creator.userId });
      expect((await get(operation.operationId, creator.token)).body._links.cancel).toEqual(
        cancelLink(operation.operationId),
      );
      const response = await cancel(operation.operationId, creator.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'CANCELLED', message: `Cancelled by ${creator.userId}` });
    });

    it('refuses another OPERATOR (403, no link) and lets a tenant ADMIN cancel it', async () => {
      const tenantId = newId('tenant');
      const creator = await fx.member(tenantId, 'OPERATOR');
      const other = await fx.member(tenantId, 'OPERATOR');
      const tenantAdmin = await fx.member(tenantId, 'ADMIN');
      const operation = await fx.seedOperation({ tenantId, createdBy: creator.userId });
      expect((await get(operation.operationId, other.token)).body._links.cancel).toBeUndefined();
      expect((await cancel(operation.operationId, other.token)).status).toBe(403);
      expect((await fx.operations.get(operation.operationId))?.status).toBe('PENDING');
      expect((await get(operation.operationId, tenantAdmin.token)).body._links.cancel).toEqual(
        cancelLink(operation.operationId),
      );
      expect((await cancel(operation.operationId, tenantAdmin.token)).status).toBe(200);
    });

    it('shows the link per operation in the tenant list: on the own one only, for an OPERATOR', async () => {
      const tenantId = newId('tenant');
      const creator = await fx.member(tenantId, 'OPERATOR');
      const own = await fx.seedOperation({ tenantId, createdBy: creator.userId });
      fx.clock.advance(1000);
      const someoneElses = await fx.seedOperation({ tenantId, createdBy: 'user-2' });
      const response = await fx.api.request({
        method: 'GET',
        url: `/v1.0/tenants/${tenantId}/operations`,
        token: creator.token,
      });
      const links = Object.fromEntries(
        response.body.items.map((item: { operationId: string; _links: { cancel?: unknown } }) => [
          item.operationId,
          item._links.cancel,
        ]),
      );
      expect(links).toEqual({
        [own.operationId]: cancelLink(own.operationId),
        [someoneElses.operationId]: undefined,
      });
    });
  });
});
