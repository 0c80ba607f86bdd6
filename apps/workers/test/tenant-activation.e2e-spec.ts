import { newId } from '@bbws/shared-util';
import { TenantActivationService } from '../src/tenant-events/tenant-activation.service';
import { TENANT_ACTIVATION } from '../src/workers.tokens';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

describe('workers: a tenant becomes ACTIVE with its first ACTIVE instance', () => {
  let fx: WorkersAppFixture;

  beforeAll(async () => {
    fx = await startWorkersApp({ WORKERS: 'webhooks' });
  });
  afterAll(() => fx.close());

  it('activates a PENDING tenant once, audited, and leaves any other status alone', async () => {
    const activation = fx.api.app.get(TENANT_ACTIVATION);
    expect(activation).toBeInstanceOf(TenantActivationService);
    const pending = await fx.seedTenant({ status: 'PENDING' });
    const instanceId = newId('inst');
    await activation.instanceActive(pending.tenantId, instanceId, { operationId: 'op-1', actor: 'admin-1' });
    await activation.instanceActive(pending.tenantId, newId('inst'));
    const tenant = await fx.tenants.get(pending.tenantId);
    expect(tenant).toMatchObject({ status: 'ACTIVE', version: pending.version + 1 });
    const audit = await fx.tenants.listAudit(pending.tenantId, { pageSize: 10 });
    expect(audit.items.filter((event) => event.action === 'TENANT_ACTIVATED')).toEqual([
      expect.objectContaining({
        beforeStatus: 'PENDING',
        afterStatus: 'ACTIVE',
        actor: 'admin-1',
        details: { instanceId, operationId: 'op-1' },
      }),
    ]);

    const suspended = await fx.seedTenant({ status: 'SUSPENDED' });
    await activation.instanceActive(suspended.tenantId, newId('inst'));
    expect(await fx.tenants.get(suspended.tenantId)).toMatchObject({
      status: 'SUSPENDED',
      version: suspended.version,
    });
  });
});
