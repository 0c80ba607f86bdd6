import { OperationDao } from '@bbws/data-access-operations';
import { QueueDirectory, createSqsClient, ensureQueues, type SqsClient } from '@bbws/platform-sqs';
import { newTestUser } from '@bbws/testing-e2e';
import { testDynamoContext } from '@bbws/testing-factories';
import { QueueProbe, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

jest.setTimeout(30_000);

describe('POST /v1.0/tenants/:tenantId/lifecycle/{suspend,resume,park,unpark}', () => {
  let fx: TenantsApiFixture;
  let engine: RunningEngine;
  let sqs: SqsClient;
  const operations = new OperationDao(testDynamoContext());

  beforeAll(async () => {
    // A queue server of its own, so this suite can read what the API sent.
    engine = await startSqs({ region: process.env.AWS_REGION });
    sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
    await ensureQueues(sqs, 'test');
    fx = await startTenantsApi({ SQS_ENDPOINT: engine.endpoint });
  });
  afterAll(async () => {
    await fx.close();
    sqs.destroy();
    await engine.stop();
  });

  const activeTenant = async () => {
    const tenant = await fx.createTenant();
    const activated = await fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${tenant.tenantId}/status`,
      token: fx.admin.token,
      body: { status: 'ACTIVE' },
    });
    expect(activated.status).toBe(200);
    return activated.body;
  };
  const post = (
    tenantId: string,
    action: string,
    body: unknown = {},
    token = fx.admin.token,
    headers: Record<string, string> = {},
  ) =>
    fx.api.request({
      method: 'POST',
      url: `/v1.0/tenants/${tenantId}/lifecycle/${action}`,
      token,
      body,
      headers,
    });
  const reason = 'Invoices unpaid for ninety days';

  it('answers 202 with the operation, whose record exists the instant the response returns', async () => {
    const tenant = await activeTenant();
    const response = await post(tenant.tenantId, 'suspend', { reason }, fx.admin.token, {
      'x-request-id': 'req-lifecycle-1',
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      operationId: expect.stringMatching(/^op-[0-9a-f-]{36}$/),
      tenantId: tenant.tenantId,
      type: 'TENANT_SUSPEND',
      status: 'PENDING',
      resourceType: 'tenant',
      resourceId: tenant.tenantId,
      progress: 0,
      currentStep: null,
      steps: [],
      error: null,
      result: null,
      attempts: 0,
      createdBy: fx.admin.userId,
    });
    const { operationId } = response.body;
    expect(response.headers.location).toBe(`/v1.0/operations/${operationId}`);
    expect(response.body._links).toEqual({
      self: { href: `/v1.0/operations/${operationId}` },
      cancel: { href: `/v1.0/operations/${operationId}/cancel`, method: 'POST' },
      resource: { href: `/v1.0/tenants/${tenant.tenantId}` },
      tenantOperations: { href: `/v1.0/tenants/${tenant.tenantId}/operations` },
    });
    expect(await operations.get(operationId)).toMatchObject({
      status: 'PENDING',
      type: 'TENANT_SUSPEND',
      sendCount: 1,
    });
  });

  it('sends a TENANT_LIFECYCLE_REQUESTED message carrying the request id as correlation id', async () => {
    const tenant = await activeTenant();
    const response = await post(tenant.tenantId, 'park', { reason }, fx.admin.token, {
      'x-request-id': 'req-park-42',
    });
    expect(response.status).toBe(202);
    const queueUrl = await new QueueDirectory(sqs, 'test').url('tenant-events');
    const seen: unknown[] = [];
    for (
      let i = 0;
      i < 5 && !seen.some((body: any) => body.operationId === response.body.operationId);
      i += 1
    ) {
      const messages = await new QueueProbe(sqs).receive(queueUrl, { max: 10, waitSeconds: 1 });
      seen.push(...messages.map((message) => JSON.parse(message.Body ?? '{}')));
    }
    expect(seen).toContainEqual({
      messageType: 'TENANT_LIFECYCLE_REQUESTED',
      schemaVersion: 1,
      operationId: response.body.operationId,
      tenantId: tenant.tenantId,
      resourceId: tenant.tenantId,
      correlationId: 'req-park-42',
      idempotencyKey: response.body.operationId,
      issuedAt: expect.any(String),
      payload: { action: 'PARK', fromStatus: 'ACTIVE', toStatus: 'PARKED', reason },
    });
  });

  it('gives exactly one 202 for 50 concurrent suspends of one tenant, and 409s naming that operation', async () => {
    const tenant = await activeTenant();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(tenant.tenantId, 'suspend', { reason })),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const refused = responses.filter((response) => response.status === 409);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const { operationId } = accepted[0].body;
    for (const response of refused) {
      expect(response.body.error).toEqual({
        code: 'OPERATION_IN_PROGRESS',
        message: `Another operation is in progress on ${tenant.tenantId}`,
        details: {
          resourceId: tenant.tenantId,
          operationId,
          operationType: 'TENANT_SUSPEND',
          href: `/v1.0/operations/${operationId}`,
        },
      });
    }
  });

  it('refuses an action the tenant status does not allow with 422, naming the allowed actions', async () => {
    const pending = await fx.createTenant();
    const response = await post(pending.tenantId, 'suspend', { reason });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      details: { currentStatus: 'PENDING', requestedStatus: 'SUSPENDED', allowedActions: [] },
    });
    const active = await activeTenant();
    const resume = await post(active.tenantId, 'resume');
    expect(resume.status).toBe(422);
    expect(resume.body.error.details.allowedActions).toEqual(['SUSPEND', 'PARK']);
  });

  it('requires a reason of 10-500 characters to suspend or park', async () => {
    const tenant = await activeTenant();
    for (const body of [{}, { reason: 'too short' }, { reason: 'x'.repeat(501) }]) {
      const response = await post(tenant.tenantId, 'park', body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.fields[0].field).toBe('reason');
    }
  });

  it('is for platform admins: a tenant ADMIN gets 403, a stranger 403, no token 401', async () => {
    const tenant = await activeTenant();
    const member = await newTestUser();
    await fx.addMember(tenant.tenantId, member, 'ADMIN');
    expect((await post(tenant.tenantId, 'suspend', { reason }, member.token)).status).toBe(403);
    expect((await post(tenant.tenantId, 'suspend', { reason }, (await newTestUser()).token)).status).toBe(
      403,
    );
    expect(
      (
        await fx.api.request({
          method: 'POST',
          url: `/v1.0/tenants/${tenant.tenantId}/lifecycle/suspend`,
          body: { reason },
        })
      ).status,
    ).toBe(401);
  });

  it('answers 404 for an unknown tenant and 400 for a malformed id', async () => {
    expect((await post('tenant-00000000-0000-4000-8000-000000000000', 'suspend', { reason })).status).toBe(
      404,
    );
    expect((await post('not-a-tenant', 'suspend', { reason })).status).toBe(400);
  });

  it('replays the 202 for the same Idempotency-Key instead of starting a second operation', async () => {
    const tenant = await activeTenant();
    const key = `lifecycle-${Date.now()}`;
    const first = await post(tenant.tenantId, 'suspend', { reason }, fx.admin.token, {
      'idempotency-key': key,
    });
    const second = await post(tenant.tenantId, 'suspend', { reason }, fx.admin.token, {
      'idempotency-key': key,
    });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.operationId).toBe(first.body.operationId);
    expect(second.headers.location).toBe(first.headers.location);
  });

  it('shows _links.operation on the tenant while its operation runs, and not once it completed', async () => {
    const tenant = await activeTenant();
    expect(tenant._links.operation).toBeUndefined();
    const { operationId } = (await post(tenant.tenantId, 'suspend', { reason })).body;
    const member = await newTestUser();
    await fx.addMember(tenant.tenantId, member, 'VIEWER');
    for (const token of [fx.admin.token, member.token]) {
      const during = await fx.api.request({ method: 'GET', url: `/v1.0/tenants/${tenant.tenantId}`, token });
      expect(during.body._links.operation).toEqual({ href: `/v1.0/operations/${operationId}` });
    }
    const claimed = await operations.claim(operationId, 'test-worker', 10_000);
    if (claimed.outcome !== 'claimed') throw new Error(`not claimed: ${claimed.outcome}`);
    await operations.complete(claimed.operation, 'test-worker', { result: null, message: 'Done', steps: [] });
    const after = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: fx.admin.token,
    });
    expect(after.status).toBe(200);
    expect(after.body._links.operation).toBeUndefined();
  });

  it('accepts an unpark of a PARKED tenant (202 TENANT_UNPARK) and sends it to the tenant-events queue', async () => {
    const tenant = await activeTenant();
    await fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${tenant.tenantId}/status`,
      token: fx.admin.token,
      body: { status: 'PARKED', reason },
    });
    const response = await post(tenant.tenantId, 'unpark', {}, fx.admin.token, {
      'x-request-id': 'req-unpark-1',
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      type: 'TENANT_UNPARK',
      status: 'PENDING',
      resourceId: tenant.tenantId,
    });
    expect(await operations.get(response.body.operationId)).toMatchObject({
      type: 'TENANT_UNPARK',
      sendCount: 1,
    });
    const queueUrl = await new QueueDirectory(sqs, 'test').url('tenant-events');
    const seen: any[] = [];
    for (let i = 0; i < 5 && !seen.some((body) => body.operationId === response.body.operationId); i += 1) {
      const messages = await new QueueProbe(sqs).receive(queueUrl, { max: 10, waitSeconds: 1 });
      seen.push(...messages.map((message) => JSON.parse(message.Body ?? '{}')));
    }
    expect(seen.find((body) => body.operationId === response.body.operationId)).toMatchObject({
      messageType: 'TENANT_LIFECYCLE_REQUESTED',
      correlationId: 'req-unpark-1',
      payload: { action: 'UNPARK', fromStatus: 'PARKED', toStatus: 'ACTIVE' },
    });
  });

  it('offers the lifecycle actions the status allows as links, to platform admins only', async () => {
    const tenant = await activeTenant();
    expect(tenant._links.suspend).toEqual({
      href: `/v1.0/tenants/${tenant.tenantId}/lifecycle/suspend`,
      method: 'POST',
    });
    expect(tenant._links.park).toEqual({
      href: `/v1.0/tenants/${tenant.tenantId}/lifecycle/park`,
      method: 'POST',
    });
    expect(tenant._links.resume).toBeUndefined();
    expect(tenant._links.unpark).toBeUndefined();
    const suspended = await fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${tenant.tenantId}/status`,
      token: fx.admin.token,
      body: { status: 'SUSPENDED', reason },
    });
    expect(
      Object.keys(suspended.body._links).filter((rel) =>
        ['suspend', 'park', 'resume', 'unpark'].includes(rel),
      ),
    ).toEqual(['resume']);
    const member = await newTestUser();
    await fx.addMember(tenant.tenantId, member, 'ADMIN');
    const asMember = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}`,
      token: member.token,
    });
    expect(asMember.body._links.resume).toBeUndefined();
    const pending = await fx.createTenant();
    expect(
      Object.keys(pending._links).filter((rel) => ['suspend', 'park', 'resume', 'unpark'].includes(rel)),
    ).toEqual([]);
  });
});
