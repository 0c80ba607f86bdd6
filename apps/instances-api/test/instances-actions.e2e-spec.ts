import { InstancesFixture } from './instances-api.fixture';

describe('instance actions: update, scale, suspend, resume, park, unpark, delete', () => {
  let fx: InstancesFixture;
  beforeAll(async () => {
    fx = await InstancesFixture.start();
  });
  afterAll(() => fx?.close());

  const stored = async (tenantId: string, instanceId: string) =>
    fx.instances.getInTenant(tenantId, instanceId);

  it('scales an ACTIVE instance: 202 INSTANCE_SCALE on the lifecycle queue, the instance SCALING under the operation', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    const response = await fx.call(
      'PUT',
      `${url}/size`,
      fx.admin.token,
      { desiredCount: 3 },
      {
        'x-request-id': 'req-scale-1',
      },
    );
    expect(response.status).toBe(202);
    const { operationId } = response.body;
    expect(response.body).toMatchObject({
      type: 'INSTANCE_SCALE',
      status: 'PENDING',
      resourceType: 'instance',
      resourceId: instance.instanceId,
    });
    expect(response.headers.location).toBe(`/v1.0/operations/${operationId}`);
    expect(await fx.operations.get(operationId)).toMatchObject({ status: 'PENDING', sendCount: 1 });
    expect(await fx.messagesFor('instance-lifecycle', operationId)).toEqual([
      expect.objectContaining({
        messageType: 'INSTANCE_SCALE',
        correlationId: 'req-scale-1',
        payload: { instanceId: instance.instanceId, environment: 'DEV', desiredCount: 3 },
      }),
    ]);
    expect(await stored(tenantId, instance.instanceId)).toMatchObject({
      status: 'SCALING',
      version: instance.version + 1,
      desiredCount: instance.desiredCount,
    });
    const view = await fx.call('GET', url);
    expect(view.body._links).toEqual({
      self: { href: url },
      status: { href: `${url}/status` },
      collection: { href: `/v1.0/tenants/${tenantId}/instances` },
      tenant: { href: `/v1.0/tenants/${tenantId}` },
      operation: { href: `/v1.0/operations/${operationId}` },
    });
  });

  it('offers an ACTIVE instance’s actions as links to platform admins', async () => {
    const { url } = await fx.instanceIn('ACTIVE');
    const view = await fx.call('GET', url);
    expect(view.body._links).toMatchObject({
      update: { href: url, method: 'PATCH' },
      size: { href: `${url}/size`, method: 'PUT' },
      suspend: { href: `${url}/suspend`, method: 'POST' },
      park: { href: `${url}/park`, method: 'POST' },
      delete: { href: url, method: 'DELETE' },
    });
    expect(view.body._links).not.toHaveProperty('resume');
    expect(view.body._links).not.toHaveProperty('unpark');
    expect(view.body._links).not.toHaveProperty('retry');
    expect(view.body._links).not.toHaveProperty('operation');
  });

  it('keeps PROD at 2-10 tasks: size 1 is a 400 and changes nothing', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE', undefined, 'PROD');
    for (const desiredCount of [1, 0, 11]) {
      const response = await fx.call('PUT', `${url}/size`, fx.admin.token, { desiredCount });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(await stored(tenantId, instance.instanceId)).toEqual(instance);
    expect(
      (await fx.operations.listByTenant(tenantId, { type: 'INSTANCE_SCALE' }, { pageSize: 10 })).items,
    ).toEqual([]);
    expect((await fx.call('PUT', `${url}/size`, fx.admin.token, { desiredCount: 2 })).status).toBe(202);
  });

  it('suspends with a reason and resumes; resume of a parked instance is a 422 naming unpark', async () => {
    const active = await fx.instanceIn('ACTIVE');
    const noReason = await fx.call('POST', `${active.url}/suspend`, fx.admin.token, {});
    expect(noReason.status).toBe(400);
    const suspend = await fx.call('POST', `${active.url}/suspend`, fx.admin.token, {
      reason: 'Invoices unpaid',
    });
    expect(suspend.status).toBe(202);
    expect(suspend.body.type).toBe('INSTANCE_SUSPEND');
    expect(await fx.messagesFor('instance-lifecycle', suspend.body.operationId)).toEqual([
      expect.objectContaining({
        payload: { instanceId: active.instance.instanceId, environment: 'DEV', reason: 'Invoices unpaid' },
      }),
    ]);
    expect(await stored(active.tenantId, active.instance.instanceId)).toMatchObject({ status: 'SUSPENDING' });

    const suspended = await fx.instanceIn('SUSPENDED');
    expect((await fx.call('GET', suspended.url)).body._links.resume).toEqual({
      href: `${suspended.url}/resume`,
      method: 'POST',
    });
    const resume = await fx.call('POST', `${suspended.url}/resume`, fx.admin.token, {});
    expect(resume.status).toBe(202);
    expect(resume.body.type).toBe('INSTANCE_RESUME');
    expect(await stored(suspended.tenantId, suspended.instance.instanceId)).toMatchObject({
      status: 'RESUMING',
    });

    const parked = await fx.instanceIn('PARKED');
    const refused = await fx.call('POST', `${parked.url}/resume`, fx.admin.token, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      message: expect.stringContaining('unpark'),
      details: {
        currentStatus: 'PARKED',
        requestedStatus: 'RESUMING',
        allowedTransitions: ['UNPARKING', 'PENDING_DEPROVISIONING'],
      },
    });
    expect(await stored(parked.tenantId, parked.instance.instanceId)).toEqual(parked.instance);
  });

  it('parks and unparks', async () => {
    const active = await fx.instanceIn('ACTIVE');
    const park = await fx.call('POST', `${active.url}/park`, fx.admin.token, { reason: 'Seasonal site' });
    expect(park.status).toBe(202);
    expect(park.body.type).toBe('INSTANCE_PARK');
    expect(await stored(active.tenantId, active.instance.instanceId)).toMatchObject({ status: 'PARKING' });
    const parked = await fx.instanceIn('PARKED');
    const unpark = await fx.call('POST', `${parked.url}/unpark`, fx.admin.token, {});
    expect(unpark.status).toBe(202);
    expect(unpark.body.type).toBe('INSTANCE_UNPARK');
    expect(await stored(parked.tenantId, parked.instance.instanceId)).toMatchObject({ status: 'UNPARKING' });
  });

  it('takes PUT .../status {action: stop|start} as suspend / resume', async () => {
    const active = await fx.instanceIn('ACTIVE');
    const withoutReason = await fx.call('PUT', `${active.url}/status`, fx.admin.token, { action: 'stop' });
    expect(withoutReason.status).toBe(400);
    expect((await fx.call('PUT', `${active.url}/status`, fx.admin.token, { action: 'pause' })).status).toBe(
      400,
    );
    const stop = await fx.call('PUT', `${active.url}/status`, fx.admin.token, {
      action: 'stop',
      reason: 'Audit',
    });
    expect(stop.status).toBe(202);
    expect(stop.body.type).toBe('INSTANCE_SUSPEND');
    const suspended = await fx.instanceIn('SUSPENDED');
    const start = await fx.call('PUT', `${suspended.url}/status`, fx.admin.token, { action: 'start' });
    expect(start.status).toBe(202);
    expect(start.body.type).toBe('INSTANCE_RESUME');
  });

  it('updates through GitOps (PATCH and PUT): INSTANCE_UPDATE on the provision queue, the instance UPDATING', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    expect((await fx.call('PATCH', url, fx.admin.token, {})).status).toBe(400);
    expect((await fx.call('PATCH', url, fx.admin.token, { tier: 'PLATINUM' })).status).toBe(400);
    const response = await fx.call('PATCH', url, fx.admin.token, {
      tier: 'professional',
      wordpressVersion: '6.7',
    });
    expect(response.status).toBe(202);
    expect(response.body.type).toBe('INSTANCE_UPDATE');
    expect(await fx.messagesFor('instance-provision', response.body.operationId)).toEqual([
      expect.objectContaining({
        payload: {
          instanceId: instance.instanceId,
          environment: 'DEV',
          tier: 'PROFESSIONAL',
          wordpressVersion: '6.7',
        },
      }),
    ]);
    expect(await stored(tenantId, instance.instanceId)).toMatchObject({
      status: 'UPDATING',
      tier: 'STANDARD',
    });

    const other = await fx.instanceIn('ACTIVE', undefined, 'PROD');
    const put = await fx.call('PUT', other.url, fx.admin.token, { desiredCount: 4 });
    expect(put.status).toBe(202);
    expect(put.body.type).toBe('INSTANCE_UPDATE');
    expect((await fx.call('PUT', other.url, fx.admin.token, { desiredCount: 1 })).status).toBe(400);
  });

  it('deletes from ACTIVE, SUSPENDED, PARKED and the failed states: INSTANCE_DEPROVISION on the deprovision queue', async () => {
    for (const status of ['ACTIVE', 'SUSPENDED', 'PARKED', 'FAILED', 'WORKFLOW_FAILED'] as const) {
      const { tenantId, instance, url } = await fx.instanceIn(status);
      const response = await fx.call('DELETE', url);
      expect(response.status).toBe(202);
      expect(response.body.type).toBe('INSTANCE_DEPROVISION');
      expect(await fx.messagesFor('instance-deprovision', response.body.operationId)).toEqual([
        expect.objectContaining({ payload: { instanceId: instance.instanceId, environment: 'DEV' } }),
      ]);
      expect(await stored(tenantId, instance.instanceId)).toMatchObject({ status: 'PENDING_DEPROVISIONING' });
    }
  });

  it('refuses actions the state machine does not allow with 422 and its details, changing nothing', async () => {
    const suspended = await fx.instanceIn('SUSPENDED');
    const scale = await fx.call('PUT', `${suspended.url}/size`, fx.admin.token, { desiredCount: 2 });
    expect(scale.status).toBe(422);
    expect(scale.body.error).toEqual({
      code: 'INVALID_STATUS_TRANSITION',
      message: expect.any(String),
      details: {
        currentStatus: 'SUSPENDED',
        requestedStatus: 'SCALING',
        allowedTransitions: ['RESUMING', 'PENDING_DEPROVISIONING'],
      },
    });
    const gone = await fx.instanceIn('DEPROVISIONED');
    const deleteAgain = await fx.call('DELETE', gone.url);
    expect(deleteAgain.status).toBe(422);
    expect(deleteAgain.body.error.details).toMatchObject({
      currentStatus: 'DEPROVISIONED',
      allowedTransitions: [],
    });
    const active = await fx.instanceIn('ACTIVE');
    expect((await fx.call('POST', `${active.url}/unpark`, fx.admin.token, {})).status).toBe(422);
    expect((await fx.call('POST', `${active.url}/retry`)).status).toBe(422);
    expect(await stored(active.tenantId, active.instance.instanceId)).toEqual(active.instance);
  });

  it('answers 409 OPERATION_IN_PROGRESS naming the operation that runs on the instance', async () => {
    const tenant = await fx.tenant();
    const provision = await fx.provision(tenant.tenantId);
    const url = `/v1.0/tenants/${tenant.tenantId}/instances/${provision.resourceId}`;
    const response = await fx.call('DELETE', url);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      details: {
        operationId: provision.operationId,
        operationType: 'INSTANCE_PROVISION',
        href: `/v1.0/operations/${provision.operationId}`,
      },
    });
  });

  it('checks If-Match: a stale version is a 412 and changes nothing; the current one is accepted', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    const etag = (await fx.call('GET', url)).headers.etag as string;
    expect(etag).toBe(`"${instance.version}"`);
    const stale = await fx.call(
      'PUT',
      `${url}/size`,
      fx.admin.token,
      { desiredCount: 2 },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedVersion: 1, currentVersion: instance.version },
    });
    expect((await fx.call('DELETE', url, fx.admin.token, undefined, { 'if-match': '"1"' })).status).toBe(412);
    expect(await stored(tenantId, instance.instanceId)).toEqual(instance);
    const current = await fx.call(
      'PUT',
      `${url}/size`,
      fx.admin.token,
      { desiredCount: 2 },
      { 'if-match': etag },
    );
    expect(current.status).toBe(202);
  });

  it('replays an action with the same Idempotency-Key instead of starting a second operation', async () => {
    const { url } = await fx.instanceIn('ACTIVE');
    const headers = { 'idempotency-key': `park-${url}` };
    const first = await fx.call('POST', `${url}/park`, fx.admin.token, { reason: 'Quiet season' }, headers);
    const replay = await fx.call('POST', `${url}/park`, fx.admin.token, { reason: 'Quiet season' }, headers);
    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body.operationId).toBe(first.body.operationId);
  });
});
