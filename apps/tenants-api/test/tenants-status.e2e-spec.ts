import { newTestUser } from '@bbws/testing-e2e';
import { startTenantsApi, type TenantsApiFixture } from './tenants-api.fixture';

type Status = 'PENDING' | 'ACTIVE' | 'SUSPENDED' | 'PARKED' | 'FAILED' | 'DEPROVISIONED';
const ALL: Status[] = ['PENDING', 'ACTIVE', 'SUSPENDED', 'PARKED', 'FAILED', 'DEPROVISIONED'];
const ALLOWED: Record<Status, Status[]> = {
  PENDING: ['ACTIVE', 'FAILED', 'DEPROVISIONED'],
  FAILED: ['PENDING', 'DEPROVISIONED'],
  ACTIVE: ['SUSPENDED', 'PARKED', 'DEPROVISIONED'],
  SUSPENDED: ['ACTIVE', 'DEPROVISIONED'],
  PARKED: ['ACTIVE', 'DEPROVISIONED'],
  DEPROVISIONED: [],
};
/** How to bring a new (PENDING) tenant into each status through allowed overrides. */
const PATH_TO: Record<Status, Status[]> = {
  PENDING: [],
  ACTIVE: ['ACTIVE'],
  FAILED: ['FAILED'],
  SUSPENDED: ['ACTIVE', 'SUSPENDED'],
  PARKED: ['ACTIVE', 'PARKED'],
  DEPROVISIONED: ['DEPROVISIONED'],
};
const REASON = 'Scheduled maintenance window';

describe('PATCH /v1.0/tenants/:tenantId/status', () => {
  let fx: TenantsApiFixture;
  beforeAll(async () => {
    fx = await startTenantsApi();
  });
  afterAll(() => fx.close());

  const setStatus = (tenantId: string, status: string, reason?: string, token = fx.admin.token) =>
    fx.api.request({
      method: 'PATCH',
      url: `/v1.0/tenants/${tenantId}/status`,
      token,
      body: { status, ...(reason ? { reason } : {}) },
    });

  async function tenantIn(status: Status) {
    const tenant = await fx.createTenant();
    for (const step of PATH_TO[status]) {
      const response = await setStatus(tenant.tenantId, step, REASON);
      if (response.status !== 200)
        throw new Error(`could not reach ${status}: ${JSON.stringify(response.body)}`);
    }
    return tenant;
  }

  const cases = ALL.flatMap((from) => ALL.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

  it.each(cases)('%s -> %s allowed: %s', async (from, to, allowed) => {
    const tenant = await tenantIn(from);
    const response = await setStatus(tenant.tenantId, to, REASON);
    if (allowed) {
      expect(response.status).toBe(200);
      expect(response.body.status).toBe(to);
    } else {
      expect(response.status).toBe(422);
      expect(response.body.error).toMatchObject({
        code: 'INVALID_STATUS_TRANSITION',
        details: { currentStatus: from, requestedStatus: to, allowedTransitions: ALLOWED[from] },
      });
      const current = await fx.api.request({
        method: 'GET',
        url: `/v1.0/tenants/${tenant.tenantId}`,
        token: fx.admin.token,
      });
      expect(current.body.status).toBe(from);
    }
  });

  it('requires a reason of 10-500 characters to suspend or park, and records it', async () => {
    const tenant = await tenantIn('ACTIVE');
    expect((await setStatus(tenant.tenantId, 'SUSPENDED')).status).toBe(400);
    expect((await setStatus(tenant.tenantId, 'PARKED', 'too short')).status).toBe(400);
    expect((await setStatus(tenant.tenantId, 'SUSPENDED', 'x'.repeat(501))).status).toBe(400);
    const done = await setStatus(tenant.tenantId, 'SUSPENDED', 'Payment overdue by 30 days');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'SUSPENDED', statusReason: 'Payment overdue by 30 days' });
    const audit = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}/audit`,
      token: fx.admin.token,
    });
    expect(audit.body.items[0]).toMatchObject({
      action: 'TENANT_STATUS_CHANGED',
      beforeStatus: 'ACTIVE',
      afterStatus: 'SUSPENDED',
      reason: 'Payment overdue by 30 days',
      actor: fx.admin.userId,
    });
    expect(audit.body.items.map((event: any) => event.action)).toEqual([
      'TENANT_STATUS_CHANGED',
      'TENANT_STATUS_CHANGED',
      'TENANT_CREATED',
    ]);
  });

  it('is for platform admins only, even for the tenant ADMIN', async () => {
    const tenant = await fx.createTenant();
    const owner = await newTestUser();
    await fx.addMember(tenant.tenantId, owner, 'ADMIN');
    expect((await setStatus(tenant.tenantId, 'ACTIVE', undefined, owner.token)).status).toBe(403);
  });

  it('rejects an unknown status with 400', async () => {
    const tenant = await fx.createTenant();
    expect((await setStatus(tenant.tenantId, 'RUNNING')).status).toBe(400);
  });

  it('lists audit events newest first with pagination, for tenant ADMINs but not OPERATORs', async () => {
    const tenant = await tenantIn('SUSPENDED');
    const operator = await newTestUser();
    await fx.addMember(tenant.tenantId, operator, 'OPERATOR');
    expect(
      (
        await fx.api.request({
          method: 'GET',
          url: `/v1.0/tenants/${tenant.tenantId}/audit`,
          token: operator.token,
        })
      ).status,
    ).toBe(403);
    const first = await fx.api.request({
      method: 'GET',
      url: `/v1.0/tenants/${tenant.tenantId}/audit?pageSize=2`,
      token: fx.admin.token,
    });
    expect(first.body.count).toBe(2);
    const second = await fx.api.request({
      method: 'GET',
      url: first.body._links.next.href,
      token: fx.admin.token,
    });
    const actions = [...first.body.items, ...second.body.items].map((event: any) => event.action);
    expect(actions).toEqual([
      'MEMBER_ADDED',
      'TENANT_STATUS_CHANGED',
      'TENANT_STATUS_CHANGED',
      'TENANT_CREATED',
    ]);
  });
});
