import { InstancesFixture } from './instances-api.fixture';

describe('one operation at a time per instance', () => {
  let fx: InstancesFixture;
  beforeAll(async () => {
    fx = await InstancesFixture.start();
  });
  afterAll(() => fx?.close());

  it('answers 20 parallel scale requests with exactly one 202 and nineteen 409s naming it', async () => {
    const { tenantId, instance, url } = await fx.instanceIn('ACTIVE');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fx.call('PUT', `${url}/size`, fx.admin.token, { desiredCount: 1 + (i % 10) }),
      ),
    );
    const accepted = responses.filter((response) => response.status === 202);
    const conflicts = responses.filter((response) => response.status === 409);
    expect(accepted).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const winner = accepted[0].body.operationId;
    for (const conflict of conflicts) {
      expect(conflict.body.error).toMatchObject({
        code: 'OPERATION_IN_PROGRESS',
        details: { operationId: winner, operationType: 'INSTANCE_SCALE', href: `/v1.0/operations/${winner}` },
      });
    }
    const scales = await fx.operations.listByResource(
      tenantId,
      instance.instanceId,
      { type: 'INSTANCE_SCALE' },
      {
        pageSize: 50,
      },
    );
    expect(scales.items.map((operation) => operation.operationId)).toEqual([winner]);
    expect(await fx.instances.getInTenant(tenantId, instance.instanceId)).toMatchObject({
      status: 'SCALING',
      version: instance.version + 1,
    });
  });

  it('lets different actions race too: one wins, the rest name it', async () => {
    const { url } = await fx.instanceIn('ACTIVE');
    const responses = await Promise.all([
      fx.call('POST', `${url}/suspend`, fx.admin.token, { reason: 'race' }),
      fx.call('POST', `${url}/park`, fx.admin.token, { reason: 'race' }),
      fx.call('PATCH', url, fx.admin.token, { tier: 'ENTERPRISE' }),
      fx.call('DELETE', url),
      fx.call('PUT', `${url}/size`, fx.admin.token, { desiredCount: 2 }),
    ]);
    const accepted = responses.filter((response) => response.status === 202);
    expect(accepted).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 202)) {
      expect(response.status).toBe(409);
      expect(response.body.error.details.operationId).toBe(accepted[0].body.operationId);
    }
  });
});
