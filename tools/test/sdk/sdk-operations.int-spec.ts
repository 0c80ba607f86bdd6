import { randomUUID } from 'node:crypto';
import {
  OperationCancelledError,
  OperationFailedError,
  createBbwsClient,
  unwrap,
  waitForOperation,
  type BbwsClient,
  type Operation,
} from '@bbws/sdk';
import { startTestPlatform, type TestPlatform } from '../platform/test-platform';

jest.setTimeout(60_000);

describe('@bbws/sdk against the running apps: waitForOperation', () => {
  let platform: TestPlatform;
  let bbws: BbwsClient;
  const fetched: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ workers: ['tenant-events'] });
    bbws = createBbwsClient({
      baseUrl: platform.url,
      token: platform.adminToken,
      fetch: (input, init) => {
        fetched.push(input instanceof Request ? input.url : String(input));
        return fetch(input, init);
      },
    });
  });
  afterAll(() => platform.close());

  async function activeTenant(): Promise<string> {
    const suffix = randomUUID().slice(0, 8);
    const tenant = await unwrap(
      bbws.tenants.POST('/v1.0/tenants', {
        body: { organizationName: `Ops ${suffix}`, contactEmail: `ops-${suffix}@example.com` },
      }),
    );
    await unwrap(
      bbws.tenants.PATCH('/v1.0/tenants/{tenantId}/status', {
        params: { path: { tenantId: tenant.tenantId } },
        body: { status: 'ACTIVE' },
      }),
    );
    return tenant.tenantId;
  }

  const suspend = (tenantId: string) =>
    bbws.tenants.POST('/v1.0/tenants/{tenantId}/lifecycle/suspend', {
      params: { path: { tenantId } },
      body: { reason: 'Suspended by the SDK test' },
    });

  it("follows the 202's Location to COMPLETED, reporting the states on the way", async () => {
    const tenantId = await activeTenant();
    await platform.stopWorkers();
    const accepted = await suspend(tenantId);
    expect(accepted.response.status).toBe(202);
    const location = new URL(accepted.response.headers.get('location') as string, platform.url).toString();

    const seen: Operation[] = [];
    fetched.length = 0;
    const waiting = waitForOperation(bbws, accepted, {
      intervalMs: 50,
      onProgress: (state) => seen.push(state),
    });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await platform.startWorkers(['tenant-events']);
    const done = await waiting;

    expect(done).toMatchObject({
      operationId: accepted.data?.operationId,
      status: 'COMPLETED',
      progress: 100,
    });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual(
      expect.arrayContaining([
        ['check-tenant', 'COMPLETED'],
        ['change-tenant-status', 'COMPLETED'],
      ]),
    );
    expect(seen[0]).toMatchObject({ status: 'PENDING', progress: 0 });
    expect(seen.at(-1)).toEqual(done);
    const states = seen.map((state) => `${state.status}|${state.progress}|${state.currentStep ?? ''}`);
    expect(states.every((state, index) => index === 0 || state !== states[index - 1])).toBe(true);
    expect(new Set(fetched)).toEqual(new Set([location]));
    const tenant = await unwrap(
      bbws.tenants.GET('/v1.0/tenants/{tenantId}', { params: { path: { tenantId } } }),
    );
    expect(tenant.status).toBe('SUSPENDED');
  });

  it('throws OperationFailedError with the error code when the operation FAILS', async () => {
    const tenantId = await activeTenant();
    await platform.stopWorkers();
    const accepted = await suspend(tenantId);
    // The tenant moves on before a worker takes the operation: the suspension can no longer apply.
    await unwrap(
      bbws.tenants.PATCH('/v1.0/tenants/{tenantId}/status', {
        params: { path: { tenantId } },
        body: { status: 'PARKED', reason: 'Parked while the suspension waited' },
      }),
    );
    await platform.startWorkers(['tenant-events']);
    const failure = await waitForOperation(bbws, accepted, { intervalMs: 50 }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(OperationFailedError);
    expect(failure).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      operation: { status: 'FAILED', type: 'TENANT_SUSPEND', error: { code: 'INVALID_STATUS_TRANSITION' } },
    });
  });

  it('throws OperationCancelledError when the operation is cancelled before it runs', async () => {
    const tenantId = await activeTenant();
    await platform.stopWorkers();
    const accepted = await suspend(tenantId);
    const operationId = accepted.data?.operationId as string;
    await unwrap(
      bbws.operations.POST('/v1.0/operations/{operationId}/cancel', { params: { path: { operationId } } }),
    );
    const cancelled = await waitForOperation(bbws, operationId, { intervalMs: 50 }).catch(
      (error: unknown) => error,
    );
    expect(cancelled).toBeInstanceOf(OperationCancelledError);
    expect(cancelled).toMatchObject({ operation: { operationId, status: 'CANCELLED' } });
    await platform.startWorkers(['tenant-events']);
  });
});
