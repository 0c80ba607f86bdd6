import { newTestUser } from '@bbws/testing-e2e';
import { InstancesFixture } from './instances-api.fixture';

describe('POST /v1.0/tenants/:tenantId/instances', () => {
  let fx: InstancesFixture;
  beforeAll(async () => {
    fx = await InstancesFixture.start();
  });
  afterAll(() => fx?.close());

  const collection = (tenantId: string) => `/v1.0/tenants/${tenantId}/instances`;

  it('answers 202 with the INSTANCE_PROVISION operation, stored PENDING with its message on the provision queue', async () => {
    const tenant = await fx.tenant({ organizationName: `Acme Hosting ${Date.now()}` });
    const response = await fx.call(
      'POST',
      collection(tenant.tenantId),
      fx.admin.token,
      { environment: 'dev' },
      {
        'x-request-id': 'req-provision-1',
      },
    );
    expect(response.status).toBe(202);
    const { operationId, resourceId: instanceId } = response.body;
    expect(response.body).toMatchObject({
      operationId: expect.stringMatching(/^op-/),
      tenantId: tenant.tenantId,
      type: 'INSTANCE_PROVISION',
      status: 'PENDING',
      resourceType: 'instance',
      resourceId: expect.stringMatching(/^inst-[0-9a-f-]{36}$/),
      createdBy: fx.admin.userId,
    });
    expect(response.headers.location).toBe(`/v1.0/operations/${operationId}`);
    expect(response.body._links.resource).toEqual({ href: `${collection(tenant.tenantId)}/${instanceId}` });
    expect(await fx.operations.get(operationId)).toMatchObject({ status: 'PENDING', sendCount: 1 });
    expect(await fx.messagesFor('instance-provision', operationId)).toEqual([
      expect.objectContaining({
        messageType: 'INSTANCE_PROVISION',
        tenantId: tenant.tenantId,
        resourceId: instanceId,
        correlationId: 'req-provision-1',
        payload: { instanceId, environment: 'DEV', tier: 'STANDARD', desiredCount: 1 },
      }),
    ]);

    const stored = await fx.call('GET', `${collection(tenant.tenantId)}/${instanceId}`);
    expect(stored.status).toBe(200);
    const slug = stored.body.slug;
    expect(slug).toMatch(/^acmehosting\d*$/);
    expect(slug.length).toBeLessThanOrEqual(24);
    expect(stored.headers.etag).toBe('"1"');
    expect(stored.body).toMatchObject({
      instanceId,
      tenantId: tenant.tenantId,
      environment: 'DEV',
      tier: 'STANDARD',
      status: 'PENDING_PROVISIONING',
      desiredCount: 1,
      runningCount: 0,
      cpu: 512,
      memory: 1024,
      wordpressVersion: '6.6',
      endpoint: `http://${slug}.dev.localhost:3000/`,
      gitOps: {
        repository: 'bbws-local/gitops-dev',
        branch: 'main',
        path: `tenants/${slug}`,
        lastCommitSha: null,
      },
      resources: {
        cluster: 'dev-cluster',
        serviceName: `dev-${slug}-service`,
        targetGroup: `dev-${slug}-tg`,
        listenerRulePriority: expect.any(Number),
        databaseName: `${slug}_db`,
        secretName: `dev-${slug}-db-credentials`,
        host: `${slug}.dev.localhost`,
      },
      lastError: null,
      version: 1,
    });
    // An operation runs on it: the link to it, and no actions.
    expect(stored.body._links).toEqual({
      self: { href: `${collection(tenant.tenantId)}/${instanceId}` },
      status: { href: `${collection(tenant.tenantId)}/${instanceId}/status` },
      collection: { href: collection(tenant.tenantId) },
      tenant: { href: `/v1.0/tenants/${tenant.tenantId}` },
      operation: { href: `/v1.0/operations/${operationId}` },
    });
  });

  it('sizes the tier from the environment config and keeps PROD at two tasks or more', async () => {
    const tenant = await fx.tenant();
    const operation = await fx.provision(tenant.tenantId, {
      environment: 'PROD',
      tier: 'enterprise',
      wordpressVersion: '6.5.3',
      opportunityId: 'OPP-1',
    });
    const instance = await fx.instances.getInTenant(tenant.tenantId, operation.resourceId);
    expect(instance).toMatchObject({
      tier: 'ENTERPRISE',
      cpu: 2048,
      memory: 4096,
      desiredCount: 3,
      wordpressVersion: '6.5.3',
      opportunityId: 'OPP-1',
    });
    const standard = await fx.tenant();
    const prod = await fx.provision(standard.tenantId, { environment: 'PROD' });
    expect(await fx.instances.getInTenant(standard.tenantId, prod.resourceId)).toMatchObject({
      desiredCount: 2,
    });

    const tooSmall = await fx.tenant();
    const refused = await fx.call('POST', collection(tooSmall.tenantId), fx.admin.token, {
      environment: 'PROD',
      desiredCount: 1,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { fields: [{ field: 'desiredCount', messages: [expect.stringContaining('2 and 10')] }] },
    });
    expect(await fx.instances.listByTenant(tooSmall.tenantId)).toEqual([]);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const tenant = await fx.tenant();
    for (const body of [
      {},
      { environment: 'QA' },
      { environment: 'DEV', desiredCount: 11 },
      { environment: 'DEV', tier: 'GOLD' },
      { environment: 'DEV', wordpressVersion: 'latest' },
      { environment: 'DEV', color: 'blue' },
    ]) {
      const response = await fx.call('POST', collection(tenant.tenantId), fx.admin.token, body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(
      (await fx.call('POST', '/v1.0/tenants/nope/instances', fx.admin.token, { environment: 'DEV' })).status,
    ).toBe(400);
    expect(await fx.instances.listByTenant(tenant.tenantId)).toEqual([]);
    expect((await fx.operations.listByTenant(tenant.tenantId, {}, { pageSize: 10 })).items).toEqual([]);
  });

  it('refuses a second instance in the same environment with 409 INSTANCE_EXISTS, but takes another environment', async () => {
    const tenant = await fx.tenant();
    const first = await fx.provision(tenant.tenantId, { environment: 'DEV' });
    const again = await fx.call('POST', collection(tenant.tenantId), fx.admin.token, { environment: 'DEV' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'INSTANCE_EXISTS',
      details: { environment: 'DEV', instanceId: first.resourceId },
    });
    await fx.provision(tenant.tenantId, { environment: 'SIT' });
    expect((await fx.instances.listByTenant(tenant.tenantId)).length).toBe(2);
  });

  it('answers one of five parallel creates for one environment with 202, the others with 409', async () => {
    const tenant = await fx.tenant();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fx.call('POST', collection(tenant.tenantId), fx.admin.token, { environment: 'SIT' }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(['INSTANCE_EXISTS', 'OPERATION_IN_PROGRESS']).toContain(response.body.error.code);
    }
    const instances = await fx.instances.listByTenant(tenant.tenantId);
    expect(instances).toHaveLength(1);
    const winner = responses.find((response) => response.status === 202);
    expect(instances[0].instanceId).toBe(winner?.body.resourceId);
  });

  it('gives two tenants whose names make the same slug different slugs', async () => {
    const stamp = Date.now().toString(36);
    const first = await fx.tenant({ organizationName: `Blue Fox ${stamp}` });
    const second = await fx.tenant({ organizationName: `Blue-Fox ${stamp}` });
    const a = await fx.provision(first.tenantId);
    const b = await fx.provision(second.tenantId);
    const slugA = (await fx.instances.getInTenant(first.tenantId, a.resourceId))?.slug;
    const slugB = (await fx.instances.getInTenant(second.tenantId, b.resourceId))?.slug;
    expect(slugA).toBe(`bluefox${stamp}`);
    expect(slugB).toBe(`bluefox${stamp}2`);
  });

  it('gives no new instance to a PARKED, SUSPENDED or DEPROVISIONED tenant (422)', async () => {
    for (const status of ['PARKED', 'SUSPENDED', 'DEPROVISIONED']) {
      const tenant = await fx.tenant({ status });
      const response = await fx.call('POST', collection(tenant.tenantId), fx.admin.token, {
        environment: 'DEV',
      });
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'TENANT_NOT_ACTIVE',
        details: { tenantStatus: status, allowedTenantStatuses: ['PENDING', 'ACTIVE'] },
      });
      expect(await fx.instances.listByTenant(tenant.tenantId)).toEqual([]);
    }
    const pending = await fx.tenant({ status: 'PENDING' });
    await fx.provision(pending.tenantId);
  });

  it('lets only platform admins provision: members 403, non-members 404', async () => {
    const tenant = await fx.tenant();
    const member = await newTestUser();
    await fx.addMember(tenant.tenantId, member, 'ADMIN');
    const stranger = await newTestUser();
    const asMember = await fx.call('POST', collection(tenant.tenantId), member.token, { environment: 'DEV' });
    expect(asMember.status).toBe(403);
    const asStranger = await fx.call('POST', collection(tenant.tenantId), stranger.token, {
      environment: 'DEV',
    });
    expect(asStranger.status).toBe(404);
    expect(asStranger.body.error.code).toBe('TENANT_NOT_FOUND');
    expect(await fx.instances.listByTenant(tenant.tenantId)).toEqual([]);
  });

  it('replays an Idempotency-Key: the same 202 body, one operation', async () => {
    const tenant = await fx.tenant();
    const headers = { 'idempotency-key': `create-${tenant.tenantId}` };
    const first = await fx.call(
      'POST',
      collection(tenant.tenantId),
      fx.admin.token,
      { environment: 'DEV' },
      headers,
    );
    const replay = await fx.call(
      'POST',
      collection(tenant.tenantId),
      fx.admin.token,
      { environment: 'DEV' },
      headers,
    );
    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.location).toBe(first.headers.location);
    const reused = await fx.call(
      'POST',
      collection(tenant.tenantId),
      fx.admin.token,
      { environment: 'SIT' },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await fx.instances.listByTenant(tenant.tenantId)).toHaveLength(1);
  });
});
