import type { Instance, InstanceChange, InstanceDao } from '@bbws/data-access-instances';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { TenantAccessService } from '@bbws/platform-auth';
import type { LaunchRequest, OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES } from '@bbws/shared-contracts';
import { ConflictError, PreconditionFailedError, VersionConflictError } from '@bbws/shared-errors';
import { buildInstance } from '@bbws/testing-instances';
import { buildCaller, buildOperation, fakePort } from '@bbws/testing-factories';
import { InstanceOperations } from './instance-operations';

/** The stored instance moves on by one version per read; the launcher refuses the first `conflicts` launches. */
function setUp(conflicts: number) {
  let stored = buildInstance({ status: 'ACTIVE', version: 1 });
  const expectedVersions: number[] = [];
  const operations = new InstanceOperations(
    fakePort<InstanceDao>({
      getInTenant: async () => {
        stored = { ...stored, runningCount: stored.runningCount + 1, version: stored.version + 1 };
        return stored;
      },
      changeWrites: (_instance: Instance, change: InstanceChange) => {
        expectedVersions.push(change.expectedVersion);
        return {} as ExtraWrites;
      },
    }),
    fakePort<TenantAccessService>({}),
    fakePort<ResourceLockReader>({ find: async () => null }),
    fakePort<OperationLauncher>({
      launch: async <P extends object>(request: LaunchRequest<P>) => {
        if (conflicts > 0) {
          conflicts -= 1;
          throw new VersionConflictError(expectedVersions.at(-1) ?? 0);
        }
        return buildOperation({ type: 'INSTANCE_SCALE', resourceId: request.resourceId });
      },
    }),
  );
  const launch = (ifMatch?: number) =>
    operations.launch({
      caller: buildCaller({ isPlatformAdmin: true }),
      instance: stored,
      ifMatch,
      from: ['ACTIVE'],
      to: 'SCALING',
      refuse: () => {
        throw new Error('refused');
      },
      contract: MESSAGES.INSTANCE_SCALE,
      payload: { instanceId: stored.instanceId, environment: 'DEV', desiredCount: 3 },
      correlationId: 'req-1',
    });
  return { launch, expectedVersions };
}

describe('InstanceOperations.launch', () => {
  it('reads the instance again after a concurrent change when the caller sent no If-Match', async () => {
    const { launch, expectedVersions } = setUp(2);
    await expect(launch()).resolves.toMatchObject({ type: 'INSTANCE_SCALE' });
    expect(expectedVersions).toEqual([1, 2, 3]);
  });

  it('answers 409 CONFLICT when the instance keeps changing', async () => {
    const { launch, expectedVersions } = setUp(5);
    await expect(launch()).rejects.toBeInstanceOf(ConflictError);
    expect(expectedVersions).toEqual([1, 2, 3]);
  });

  it('does not retry for a caller that sent If-Match: 412', async () => {
    const { launch, expectedVersions } = setUp(1);
    await expect(launch(1)).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(expectedVersions).toEqual([1]);
  });
});
