import { newId } from '@bbws/shared-util';
import { startOperationsApi, type OperationsApiFixture } from './operations-api.fixture';

describe('operations API', () => {
  let fx: OperationsApiFixture;
  beforeAll(async () => {
    fx = await startOperationsApi();
  });
  afterAll(() => fx.close());

  const get = (url: string, token = fx.admin.token) => fx.api.request({ method: 'GET', url, token });
  const cancel = (operationId: string, token = fx.admin.token) =>
    fx.api.request({ method: 'POST', url: `/v1.0/operations/${operationId}/cancel`, token });

  /** An operation that ran two of its three steps and is on the third. */
  async function runningOperation(tenantId = newId('tenant')) {
    const operation = await fx.seedOperation({ tenantId });
    const claim = await fx.operations.claim(operation.operationId, 'worker-1', 60_000);
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    const steps = [
      {
        name: 'create-database',
        status: 'COMPLETED' as const,
        startedAt: '2026-01-01T00:00:00.000Z',
        completedAt: '2026-01-01T00:00:01.000Z',
      },
      {
        name: 'install-wordpress',
        status: 'COMPLETED' as const,
        startedAt: '2026-01-01T00:00:01.000Z',
        completedAt: '2026-01-01T00:00:05.000Z',
      },
      {
        name: 'apply-template',
        status: 'IN_PROGRESS' as const,
        startedAt: '2026-01-01T00:00:05.000Z',
        completedAt: null,
      },
    ];
    await fx.operations.saveProgress(
      operation.operationId,
      'worker-1',
      { steps, currentStep: 'apply-template', progress: 67, message: 'Applying the template' },
      60_000,
    );
    return { ...claim.operation, steps };
  }

  describe('GET /v1.0/operations/:operationId', () => {
    it('shows status, progress, the current step, steps with times, error and result', async () => {
      const operation = await runningOperation();
      const response = await get(`/v1.0/operations/${operation.operationId}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        operationId: operation.operationId,
        tenantId: operation.tenantId,
        type: 'SITE_CREATION',
        status: 'IN_PROGRESS',
        resourceType: 'site',
        resourceId: operation.resourceId,
        progress: 67,
        currentStep: 'apply-template',
        steps: operation.steps,
        message: 'Applying the template',
        error: null,
        result: null,
        attempts: 1,
        createdBy: 'user-1',
        createdAt: operation.createdAt,
        startedAt: expect.any(String),
        completedAt: null,
        _links: {
          self: { href: `/v1.0/operations/${operation.operationId}` },
          resource: { href: `/v1.0/tenants/${operation.tenantId}/sites/${operation.resourceId}` },
          tenantOperations: { href: `/v1.0/tenants/${operation.tenantId}/operations` },
        },
      });
    });

    it('shows the result of a completed operation and the error of a failed one', async () => {
      const done = await runningOperation();
      await fx.operations.complete(done, 'worker-1', {
        result: { siteId: done.resourceId },
        message: 'Site created',
        steps: [],
      });
      expect((await get(`/v1.0/operations/${done.operationId}`)).body).toMatchObject({
        status: 'COMPLETED',
        progress: 100,
        result: { siteId: done.resourceId },
        completedAt: expect.any(String),
      });
      const broken = await runningOperation();
      await fx.operations.fail(broken, 'worker-1', {
        error: { code: 'UPSTREAM_ERROR', message: 'WordPress answered 502', retryable: true },
      });
      const failed = await get(`/v1.0/operations/${broken.operationId}`);
      expect(failed.body).toMatchObject({
        status: 'FAILED',
        error: { code: 'UPSTREAM_ERROR', message: 'WordPress answered 502', retryable: true },
      });
      expect(failed.body.steps[2]).toMatchObject({
        name: 'apply-template',
        status: 'FAILED',
        completedAt: expect.any(String),
      });
    });

    it('is readable by any member of its tenant; a member of another tenant gets 404', async () => {
      const operation = await fx.seedOperation();
      const viewer = await fx.member(operation.tenantId, 'VIEWER');
      const seen = await get(`/v1.0/operations/${operation.operationId}`, viewer.token);
      expect(seen.status).toBe(200);
      expect(seen.body._links.cancel).toBeUndefined();
      const stranger = await fx.member(newId('tenant'), 'ADMIN');
      const hidden = await get(`/v1.0/operations/${operation.operationId}`, stranger.token);
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe('OPERATION_NOT_FOUND');
    });

    it('answers 404 for an unknown id, 400 for a malformed one and 401 without a token', async () => {
      expect((await get(`/v1.0/operations/${newId('op')}`)).status).toBe(404);
      const malformed = await get('/v1.0/operations/op-nope');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.fields[0].field).toBe('operationId');
      expect((await fx.api.request({ method: 'GET', url: `/v1.0/operations/${newId('op')}` })).status).toBe(
        401,
      );
    });
  });

  describe('GET /v1.0/tenants/:tenantId/operations', () => {
    it('lists newest first with status, type and resourceId filters and cursor pagination', async () => {
      const tenantId = newId('tenant');
      const seeded = [];
      for (const type of ['SITE_CREATION', 'SITE_UPDATE', 'BACKUP', 'SITE_UPDATE']) {
        fx.clock.advance(1000);
        seeded.push(await fx.seedOperation({ tenantId, type }));
      }
      await fx.operations.cancel(seeded[0].operationId, 'user-1');
      await fx.seedOperation();
      const url = `/v1.0/tenants/${tenantId}/operations`;
      const first = await get(`${url}?pageSize=3`);
      expect(first.status).toBe(200);
      expect(first.body.items.map((op: { operationId: string }) => op.operationId)).toEqual(
        [seeded[3], seeded[2], seeded[1]].map((op) => op.operationId),
      );
      expect(first.body).toMatchObject({ count: 3, moreAvailable: true });
      const second = await get(first.body._links.next.href);
      expect(second.body.items.map((op: { operationId: string }) => op.operationId)).toEqual([
        seeded[0].operationId,
      ]);
      expect((await get(`${url}?type=site_update`)).body.items).toHaveLength(2);
      expect(
        (await get(`${url}?status=cancelled`)).body.items.map((op: { status: string }) => op.status),
      ).toEqual(['CANCELLED']);
      expect(
        (await get(`${url}?resourceId=${seeded[2].resourceId}`)).body.items.map(
          (op: { type: string }) => op.type,
        ),
      ).toEqual(['BACKUP']);
      expect((await get(`${url}?status=DONE`)).status).toBe(400);
    });

    it('is for members of the tenant only (404 otherwise)', async () => {
      const operation = await fx.seedOperation();
      const member = await fx.member(operation.tenantId, 'VIEWER');
      expect(
        (await get(`/v1.0/tenants/${operation.tenantId}/operations`, member.token)).body.items,
      ).toHaveLength(1);
      const stranger = await fx.member(newId('tenant'), 'ADMIN');
      expect((await get(`/v1.0/tenants/${operation.tenantId}/operations`, stranger.token)).status).toBe(404);
      expect(
        (
          await get(
            `/v1.0/tenants/${operation.tenantId}/operations?resourceId=${operation.resourceId}`,
            stranger.token,
          )
        ).status,
      ).toBe(404);
    });
  });

  describe('POST /v1.0/operations/:operationId/cancel', () => {
    it('lets a tenant ADMIN cancel a PENDING operation, releasing its resource', async () => {
      const operation = await fx.seedOperation();
      const admin = await fx.member(operation.tenantId, 'ADMIN');
      expect(
        (await get(`/v1.0/operations/${operation.operationId}`, admin.token)).body._links.cancel,
      ).toEqual({
        href: `/v1.0/operations/${operation.operationId}/cancel`,
        method: 'POST',
      });
      const response = await cancel(operation.operationId, admin.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'CANCELLED',
        message: `Cancelled by ${admin.userId}`,
        completedAt: expect.any(String),
      });
      expect(response.body._links.cancel).toBeUndefined();
      expect(await fx.operations.activeOperationId(operation.resourceId)).toBeNull();
    });

    it('refuses an operation that started with 422 INVALID_STATUS_TRANSITION', async () => {
      const operation = await runningOperation();
      const response = await cancel(operation.operationId);
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
        details: { currentStatus: 'IN_PROGRESS', requestedStatus: 'CANCELLED', allowedTransitions: [] },
      });
    });

    it('is for ADMINs: an OPERATOR gets 403, a member of another tenant 404', async () => {
      const operation = await fx.seedOperation();
      const operator = await fx.member(operation.tenantId, 'OPERATOR');
      expect((await cancel(operation.operationId, operator.token)).status).toBe(403);
      const stranger = await fx.member(newId('tenant'), 'ADMIN');
      expect((await cancel(operation.operationId, stranger.token)).status).toBe(404);
      expect((await get(`/v1.0/operations/${operation.operationId}`)).body.status).toBe('PENDING');
    });
  });

  it('serves its OpenAPI document at /docs-json', async () => {
    const response = await fx.api.request({ method: 'GET', url: '/docs-json' });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1.0/operations/{operationId}',
        '/v1.0/operations/{operationId}/cancel',
        '/v1.0/tenants/{tenantId}/operations',
        '/v1.0/tenants/{tenantId}/webhooks',
        '/v1.0/tenants/{tenantId}/webhooks/{webhookId}/deliveries',
      ]),
    );
  });
});
