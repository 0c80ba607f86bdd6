import { NotFoundError, UpstreamError } from '@bbws/shared-errors';
import { newTestUser } from '@bbws/testing-e2e';
import { InstancesFixture } from './instances-api.fixture';

describe('reading instances: list, get, live status, and who may see and act', () => {
  let fx: InstancesFixture;
  beforeAll(async () => {
    fx = await InstancesFixture.start();
  });
  afterAll(() => fx?.close());

  it('lists the tenant’s instances, one per environment, with the create link for platform admins', async () => {
    const tenant = await fx.tenant();
    const dev = await fx.instanceIn('ACTIVE', tenant.tenantId, 'DEV');
    const prod = await fx.instanceIn('PARKED', tenant.tenantId, 'PROD');
    const collection = `/v1.0/tenants/${tenant.tenantId}/instances`;
    const response = await fx.call('GET', collection);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ count: 2, moreAvailable: false, nextStartAt: null });
    expect(response.body.items.map((item: any) => [item.environment, item.status]).sort()).toEqual([
      ['DEV', 'ACTIVE'],
      ['PROD', 'PARKED'],
    ]);
    expect(response.body._links).toEqual({
      self: { href: collection },
      tenant: { href: `/v1.0/tenants/${tenant.tenantId}` },
      create: { href: collection, method: 'POST' },
    });
    const parked = response.body.items.find((item: any) => item.instanceId === prod.instance.instanceId);
    expect(parked._links.unpark).toEqual({ href: `${prod.url}/unpark`, method: 'POST' });
    expect(response.body.items.map((item: any) => item.instanceId)).toContain(dev.instance.instanceId);
  });

  it('shows members the instance without action links; VIEWER and ADMIN members get 403 on every write', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    for (const role of ['VIEWER', 'ADMIN', 'OPERATOR'] as const) {
      const member = await newTestUser();
      await fx.addMember(tenantId, member, role);
      const view = await fx.call('GET', url, member.token);
      expect(view.status).toBe(200);
      expect(Object.keys(view.body._links).sort()).toEqual(['collection', 'self', 'status', 'tenant']);
      const list = await fx.call('GET', `/v1.0/tenants/${tenantId}/instances`, member.token);
      expect(list.status).toBe(200);
      expect(list.body._links).not.toHaveProperty('create');
      const writes: Array<[any, string, unknown]> = [
        ['POST', `/v1.0/tenants/${tenantId}/instances`, { environment: 'SIT' }],
        ['PATCH', url, { tier: 'ENTERPRISE' }],
        ['PUT', `${url}/size`, { desiredCount: 2 }],
        ['POST', `${url}/suspend`, { reason: 'Members may not' }],
        ['POST', `${url}/park`, { reason: 'Members may not' }],
        ['PUT', `${url}/status`, { action: 'stop', reason: 'Members may not' }],
        ['POST', `${url}/retry`, undefined],
        ['DELETE', url, undefined],
      ];
      for (const [method, path, body] of writes) {
        const response = await fx.call(method, path, member.token, body);
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toEqual(instance);
  });

  it('answers 404 to another tenant’s member, and for an instance reached through another tenant’s path', async () => {
    const { tenantId, url, instance } = await fx.instanceIn('ACTIVE');
    const other = await fx.tenant();
    const outsider = await newTestUser();
    await fx.addMember(other.tenantId, outsider, 'ADMIN');
    for (const [method, path, body] of [
      ['GET', `/v1.0/tenants/${tenantId}/instances`, undefined],
      ['GET', url, undefined],
      ['GET', `${url}/status`, undefined],
      ['PUT', `${url}/size`, { desiredCount: 2 }],
      ['DELETE', url, undefined],
    ] as const) {
      const response = await fx.call(method, path, outsider.token, body);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('TENANT_NOT_FOUND');
    }
    const crossTenant = await fx.call(
      'GET',
      `/v1.0/tenants/${other.tenantId}/instances/${instance.instanceId}`,
    );
    expect(crossTenant.status).toBe(404);
    expect(crossTenant.body.error.code).toBe('INSTANCE_NOT_FOUND');
    expect((await fx.call('GET', `/v1.0/tenants/${tenantId}/instances/not-an-id`)).status).toBe(400);
    expect((await fx.api.request({ method: 'GET', url })).status).toBe(401);
  });

  it('reads the live status from the compute port: counts, health and the last runtime event', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    const viewer = await newTestUser();
    await fx.addMember(tenantId, viewer, 'VIEWER');
    const { serviceName, cluster } = instance.resources;
    fx.compute.services.set(serviceName, {
      serviceName,
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 2,
      pendingCount: 1,
      deployments: [{ id: 'ecs-svc/1', rolloutState: 'IN_PROGRESS', desiredCount: 3, runningCount: 2 }],
      lastEvent: {
        message: `(service ${serviceName}) has started 1 tasks`,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      steady: false,
    });
    const response = await fx.call('GET', `${url}/status`, viewer.token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      instanceId: instance.instanceId,
      status: 'ACTIVE',
      serviceStatus: 'ACTIVE',
      desiredCount: 3,
      runningCount: 2,
      pendingCount: 1,
      health: 'DEGRADED',
      steady: false,
      lastRuntimeEvent: {
        message: `(service ${serviceName}) has started 1 tasks`,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
      observedAt: expect.any(String),
      _links: { self: { href: `${url}/status` }, instance: { href: url } },
    });
    expect(fx.compute.described).toContainEqual({ environment: 'DEV', cluster, serviceName });

    fx.compute.services.set(serviceName, {
      ...fx.compute.services.get(serviceName)!,
      runningCount: 3,
      pendingCount: 0,
      steady: true,
    });
    expect((await fx.call('GET', `${url}/status`)).body).toMatchObject({
      health: 'HEALTHY',
      runningCount: 3,
    });
    const unknown = await fx.instanceIn('PARKED');
    expect((await fx.call('GET', `${unknown.url}/status`)).body).toMatchObject({
      serviceStatus: 'MISSING',
      health: 'NOT_DEPLOYED',
    });
  });

  it('answers 502 when ECS fails, and NOT_DEPLOYED when its cluster does not exist', async () => {
    const { url, instance } = await fx.instanceIn('ACTIVE');
    const { serviceName } = instance.resources;
    fx.compute.failures.set(
      serviceName,
      new UpstreamError('DescribeServices: service unavailable', {
        code: 'COMPUTE_UNAVAILABLE',
        upstreamStatus: 503,
        retryable: true,
      }),
    );
    const failed = await fx.call('GET', `${url}/status`);
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({
      code: 'COMPUTE_UNAVAILABLE',
      details: { upstreamStatus: 503 },
    });
    fx.compute.failures.set(serviceName, new NotFoundError('ECS_CLUSTER', 'dev-cluster'));
    const missing = await fx.call('GET', `${url}/status`);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ serviceStatus: 'MISSING', health: 'NOT_DEPLOYED', runningCount: 0 });
  });

  it('refuses /retry with 422 NOTHING_TO_RETRY when no failed operation of the instance is left', async () => {
    const { url, tenantId, instance } = await fx.instanceIn('FAILED');
    const response = await fx.call('POST', `${url}/retry`);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'NOTHING_TO_RETRY',
      details: { currentStatus: 'FAILED' },
    });
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toEqual(instance);
  });

  it('retries the failed operation: same type and payload, the instance back where it started, lastError cleared', async () => {
    const tenant = await fx.tenant();
    const provision = await fx.provision(tenant.tenantId, { environment: 'DEV', tier: 'PROFESSIONAL' });
    const url = `/v1.0/tenants/${tenant.tenantId}/instances/${provision.resourceId}`;
    const failed = await fx.failOperation(provision.operationId, 'WORKFLOW_FAILED');
    const view = await fx.call('GET', url);
    expect(view.body).toMatchObject({
      status: 'WORKFLOW_FAILED',
      lastError: {
        code: 'WORKFLOW_FAILED',
        message: 'terraform apply failed',
        operationId: provision.operationId,
      },
    });
    expect(view.body._links.retry).toEqual({ href: `${url}/retry`, method: 'POST' });
    expect(view.body._links.delete).toEqual({ href: url, method: 'DELETE' });

    const retry = await fx.call('POST', `${url}/retry`);
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ type: 'INSTANCE_PROVISION', status: 'PENDING' });
    expect(retry.body.operationId).not.toBe(provision.operationId);
    const [message] = await fx.messagesFor('instance-provision', retry.body.operationId);
    expect(message.payload).toEqual({
      instanceId: provision.resourceId,
      environment: 'DEV',
      tier: 'PROFESSIONAL',
      desiredCount: 2,
    });
    expect(await fx.instances.getInTenant(tenant.tenantId, provision.resourceId)).toMatchObject({
      status: 'PENDING_PROVISIONING',
      lastError: null,
      version: failed.version + 1,
    });
    const again = await fx.call('POST', `${url}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.details.operationId).toBe(retry.body.operationId);
  });

  it('retries a failed runtime operation as that operation', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    const scale = await fx.call('PUT', `${url}/size`, fx.admin.token, { desiredCount: 4 });
    await fx.failOperation(scale.body.operationId, 'FAILED', 'SERVICE_NOT_STEADY');
    const retry = await fx.call('POST', `${url}/retry`);
    expect(retry.status).toBe(202);
    expect(retry.body.type).toBe('INSTANCE_SCALE');
    const [message] = await fx.messagesFor('instance-lifecycle', retry.body.operationId);
    expect(message.payload).toEqual({ instanceId: instance.instanceId, environment: 'DEV', desiredCount: 4 });
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toMatchObject({
      status: 'SCALING',
    });
  });
});
