import {
  InstanceExistsError,
  InstanceGuardTakenError,
  type Instance,
  type InstanceDao,
} from '@bbws/data-access-instances';
import type { TenantSummaryReader } from '@bbws/data-access-memberships';
import type { TenantAccessService } from '@bbws/platform-auth';
import type { LaunchRequest, OperationLauncher } from '@bbws/platform-operations';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import { loadHostingEnvironments } from '@bbws/shared-config';
import type { InstanceProvisionPayload } from '@bbws/shared-contracts';
import { TestClock, buildCaller, buildOperation, fakePort } from '@bbws/testing-factories';
import { ProvisionInstance } from './provision-instance';

/** A launcher that refuses the first launches with the given store errors, recording every instance tried. */
function setUp(failures: Error[], organizationName = 'Acme Corp') {
  const tried: Instance[] = [];
  const launched: LaunchRequest<InstanceProvisionPayload>[] = [];
  const instances = fakePort<InstanceDao>({
    get: async () => null,
    createWrites: (instance: Instance) => {
      tried.push(instance);
      return {} as ExtraWrites;
    },
  });
  const launcher = fakePort<OperationLauncher>({
    launch: async <P extends object>(request: LaunchRequest<P>) => {
      const failure = failures.shift();
      if (failure) throw failure;
      launched.push(request as unknown as LaunchRequest<InstanceProvisionPayload>);
      return buildOperation({ type: 'INSTANCE_PROVISION', resourceId: request.resourceId });
    },
  });
  const service = new ProvisionInstance(
    instances,
    fakePort<TenantSummaryReader>({
      find: async (tenantId: string) => ({ tenantId, organizationName, status: 'ACTIVE' }),
    }),
    fakePort<TenantAccessService>({
      require: async (_caller, tenantId) => ({ tenantId, isPlatformAdmin: true, role: null }),
    }),
    launcher,
    loadHostingEnvironments({}, 'test'),
    TestClock.running(),
  );
  const provision = () =>
    service.provision(buildCaller({ isPlatformAdmin: true }), 'tenant-1', { environment: 'DEV' }, 'req-1');
  return { provision, tried, launched };
}

describe('ProvisionInstance', () => {
  it('moves on to the next slug when the slug is taken, keeping one instance id', async () => {
    const { provision, tried, launched } = setUp([
      new InstanceGuardTakenError('SLUG', 'acmecorp'),
      new InstanceGuardTakenError('SLUG', 'acmecorp2'),
    ]);
    await provision();
    expect(tried.map((instance) => instance.slug)).toEqual(['acmecorp', 'acmecorp2', 'acmecorp3']);
    expect(new Set(tried.map((instance) => instance.instanceId)).size).toBe(1);
    expect(launched).toHaveLength(1);
    expect(launched[0].payload).toEqual({
      instanceId: tried[0].instanceId,
      environment: 'DEV',
      tier: 'STANDARD',
      desiredCount: 1,
    });
    expect(tried[2].resources).toMatchObject({
      serviceName: 'dev-acmecorp3-service',
      targetGroup: 'dev-acmecorp3-tg',
      databaseName: 'acmecorp3_db',
    });
  });

  it('keeps the slug and draws another priority when the priority is taken', async () => {
    const { provision, tried } = setUp([new InstanceGuardTakenError('PRIORITY', '7')]);
    await provision();
    expect(tried.map((instance) => instance.slug)).toEqual(['acmecorp', 'acmecorp']);
  });

  it('gives up with a 409 after a bounded number of collisions', async () => {
    const { provision, tried } = setUp(
      Array.from({ length: 20 }, () => new InstanceGuardTakenError('PRIORITY', '1')),
    );
    await expect(provision()).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(tried).toHaveLength(12);
  });

  it('turns a concurrent create in the same environment into 409 INSTANCE_EXISTS', async () => {
    const { provision } = setUp([new InstanceExistsError('DEV', 'inst-other')]);
    await expect(provision()).rejects.toMatchObject({
      status: 409,
      code: 'INSTANCE_EXISTS',
      details: { environment: 'DEV', instanceId: 'inst-other' },
    });
  });
});
