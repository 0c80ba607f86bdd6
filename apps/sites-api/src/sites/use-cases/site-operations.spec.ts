import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import { SiteStatusChangedError, type Site, type SiteChange, type SiteDao } from '@bbws/data-access-sites';
import type { TenantAccessService } from '@bbws/platform-auth';
import type { LaunchRequest, OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES } from '@bbws/shared-contracts';
import { VersionConflictError } from '@bbws/shared-errors';
import { TestClock, buildCaller, buildOperation, fakePort } from '@bbws/testing-factories';
import { buildSite } from '@bbws/testing-sites';
import { SiteOperations, type SiteRequest } from './site-operations';

/** The operations core with a site store that answers `stored` in turn and a launcher failing `failures` first. */
function setUp(stored: Site[], failures: Error[]) {
  const reads: Site[] = [];
  const changes: Array<{ site: Site; change: SiteChange }> = [];
  const launched: LaunchRequest<object>[] = [];
  const operations = new SiteOperations(
    fakePort<SiteDao>({
      get: async () => {
        const site = stored[Math.min(reads.length, stored.length - 1)];
        reads.push(site);
        return site;
      },
      changeWrites: (site: Site, change: SiteChange) => {
        changes.push({ site, change });
        return {} as ExtraWrites;
      },
    }),
    fakePort<TenantAccessService>({
      require: async (_caller, tenantId) => ({ tenantId, isPlatformAdmin: false, role: 'ADMIN' }),
    }),
    fakePort<ResourceLockReader>({ find: async () => null }),
    fakePort<OperationLauncher>({
      launch: async <P extends object>(request: LaunchRequest<P>) => {
        launched.push(request);
        const failure = failures.shift();
        if (failure) throw failure;
        return buildOperation({ type: 'SITE_UPDATE', resourceId: request.resourceId });
      },
    }),
    TestClock.running(),
  );
  return { operations, reads, changes, launched };
}

async function update(operations: SiteOperations, ifMatch?: number) {
  const site = buildSite({ status: 'ACTIVE' });
  const request: SiteRequest = {
    caller: buildCaller(),
    tenantId: site.tenantId,
    siteId: site.siteId,
    correlationId: 'req-1',
    ...(ifMatch === undefined ? {} : { ifMatch }),
  };
  const loaded = await operations.load(request, ['ADMIN']);
  return operations.launch({
    request,
    loaded,
    action: 'UPDATE',
    contract: MESSAGES.SITE_UPDATE,
    payload: (current) => ({ siteId: current.siteId, siteName: 'New' }),
  });
}

describe('SiteOperations', () => {
  const v1 = buildSite({ status: 'ACTIVE', version: 1 });
  const v2 = { ...v1, version: 2, healthStatus: 'HEALTHY' as const };

  it('writes the site conditional on the version read and the statuses the action starts from', async () => {
    const { operations, changes, launched } = setUp([v1], []);
    await update(operations);
    expect(changes).toEqual([
      { site: v1, change: { expectedVersion: 1, expectedStatuses: ['ACTIVE'], changes: {} } },
    ]);
    expect(launched[0]).toMatchObject({
      resourceId: v1.siteId,
      correlationId: 'req-1',
      resourceType: 'site',
    });
  });

  it('reads the site again after a concurrent write when the caller sent no If-Match', async () => {
    const { operations, reads, changes } = setUp([v1, v2], [new VersionConflictError(1, 2)]);
    await expect(update(operations)).resolves.toMatchObject({ type: 'SITE_UPDATE' });
    expect(reads).toEqual([v1, v2]);
    expect(changes.map(({ change }) => change.expectedVersion)).toEqual([1, 2]);
  });

  it('gives up after three attempts with 409 CONFLICT', async () => {
    const conflict = () => new VersionConflictError(1, 2);
    const { operations, launched } = setUp([v1], [conflict(), conflict(), conflict()]);
    await expect(update(operations)).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(launched).toHaveLength(3);
  });

  it('answers 412 on a concurrent write when the caller sent If-Match', async () => {
    const { operations, launched } = setUp([v1], [new VersionConflictError(1, 2)]);
    await expect(update(operations, 1)).rejects.toMatchObject({ status: 412, code: 'PRECONDITION_FAILED' });
    expect(launched).toHaveLength(1);
  });

  it('answers a status that moved on under the write with 422 INVALID_SITE_STATE', async () => {
    const { operations } = setUp([v1], [new SiteStatusChangedError('SUSPENDED', ['ACTIVE'])]);
    await expect(update(operations)).rejects.toMatchObject({
      status: 422,
      code: 'INVALID_SITE_STATE',
      details: { status: 'SUSPENDED', action: 'UPDATE' },
    });
  });
});
