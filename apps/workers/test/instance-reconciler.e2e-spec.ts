import { MESSAGES } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { startInstanceGitOps, type InstanceGitOpsFixture } from './instance-gitops.fixture';

jest.setTimeout(60_000);

describe('workers: the instance reconciler (a periodic task)', () => {
  let gx: InstanceGitOpsFixture;
  const longAgo = new Date(Date.now() - 3_600_000).toISOString();

  beforeAll(async () => {
    gx = await startInstanceGitOps('instance-reconciler', {
      INSTANCE_RECONCILER_INTERVAL_MS: '200',
      INSTANCE_RECONCILER_GRACE_MS: '60000',
    });
  });
  afterAll(() => gx.close());

  it('fails an instance left in a transitional status with no operation running on it', async () => {
    const stuck = await gx.seedInstance({ status: 'WORKFLOW_RUNNING', updatedAt: longAgo });
    const failed = await eventually(async () => {
      const current = await gx.reload(stuck);
      return current.status === 'FAILED' ? current : undefined;
    });
    expect(failed.lastError).toMatchObject({
      code: 'OPERATION_ENDED',
      message: expect.stringContaining('left WORKFLOW_RUNNING'),
    });
  });

  it('leaves alone an instance whose operation is still running, and one changed recently', async () => {
    const running = await gx.seedInstance({ updatedAt: longAgo });
    const operation = await gx.launch(running, MESSAGES.INSTANCE_PROVISION, 'COMMITTING', {
      instanceId: running.instanceId,
      environment: running.environment,
      tier: 'STANDARD',
      desiredCount: 1,
    });
    const fresh = await gx.seedInstance({ status: 'SCALING' });
    const stuck = await gx.seedInstance({ status: 'SCALING', updatedAt: longAgo });
    await eventually(async () => ((await gx.reload(stuck)).status === 'FAILED' ? true : undefined));

    expect(await gx.fx.operations.activeOperationId(running.instanceId)).toBe(operation.operationId);
    expect((await gx.reload(running)).status).toBe('COMMITTING');
    expect((await gx.reload(fresh)).status).toBe('SCALING');
  });

  it('refreshes the running count of ACTIVE instances from DescribeServices', async () => {
    const instance = await gx.seedInstance({ status: 'ACTIVE', desiredCount: 2, runningCount: 0 });
    await gx.compute.plane.registerInstance({
      environment: 'DEV',
      slug: instance.slug,
      hosts: [instance.resources.host],
      priority: instance.resources.listenerRulePriority,
      desiredCount: 2,
    });
    const refreshed = await eventually(async () => {
      const current = await gx.reload(instance);
      return current.runningCount === 2 ? current : undefined;
    });
    expect(refreshed.status).toBe('ACTIVE');
  });
});
