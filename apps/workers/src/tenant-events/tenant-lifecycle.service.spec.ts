import type { Tenant, TenantDao } from '@bbws/data-access-tenants';
import type { OperationContext } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { Envelope, TenantLifecycleRequestedPayload } from '@bbws/shared-contracts';
import { ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { TestClock, buildOperation, buildTenant, fakePort } from '@bbws/testing-factories';
import { TenantLifecycleService } from './tenant-lifecycle.service';

const payload: TenantLifecycleRequestedPayload = {
  action: 'SUSPEND',
  fromStatus: 'ACTIVE',
  toStatus: 'SUSPENDED',
};

/** A tenant store whose status writes fail with `failures` (in order) before they succeed. */
function setUp(failures: Error[]) {
  let stored: Tenant = buildTenant({ status: 'ACTIVE', version: 1 });
  const writes: number[] = [];
  const tenants = fakePort<TenantDao>({
    get: async () => stored,
    changeStatus: async (current, expectedVersion, status) => {
      writes.push(expectedVersion);
      const failure = failures.shift();
      if (failure) {
        stored = { ...stored, version: stored.version + 1 };
        throw failure;
      }
      stored = { ...current, status, version: expectedVersion + 1 };
      return stored;
    },
  });
  const published: string[] = [];
  const events = fakePort<EventPublisher>({
    publish: async (event) => {
      published.push(event.type);
      return 'evt-1';
    },
  });
  const context = fakePort<OperationContext<TenantLifecycleRequestedPayload>>({
    operation: buildOperation({ resourceId: stored.tenantId }),
    payload,
    envelope: fakePort<Envelope<TenantLifecycleRequestedPayload>>({ correlationId: 'corr-1', payload }),
    plan: async () => undefined,
    step: async (_name, work) => work(new AbortController().signal),
  });
  const service = new TenantLifecycleService(tenants, events, null, TestClock.frozen());
  return { service, context, writes, published, current: () => stored };
}

describe('TenantLifecycleService', () => {
  it('reads the tenant again and retries the status write when a concurrent edit moved its version', async () => {
    const { service, context, writes, published, current } = setUp([
      new VersionConflictError(1, 2),
      new VersionConflictError(2, 3),
    ]);
    await expect(service.apply(context)).resolves.toMatchObject({ result: { status: 'SUSPENDED' } });
    expect(writes).toEqual([1, 2, 3]);
    expect(current().status).toBe('SUSPENDED');
    expect(published).toEqual(['tenant.status_changed']);
  });

  it('gives up with a retryable 409 TENANT_BUSY after three conflicting attempts, announcing nothing', async () => {
    const conflicts = [1, 2, 3].map((version) => new VersionConflictError(version, version + 1));
    const { service, context, writes, published } = setUp(conflicts);
    await expect(service.apply(context)).rejects.toMatchObject({
      code: 'TENANT_BUSY',
      status: 409,
      retryable: true,
    });
    expect(writes).toHaveLength(3);
    expect(published).toEqual([]);
  });

  it('does not retry other failures of the write', async () => {
    const { service, context, writes } = setUp([new ItemMissingError('TENANT', 'gone')]);
    await expect(service.apply(context)).rejects.toBeInstanceOf(ItemMissingError);
    expect(writes).toHaveLength(1);
  });
});
