import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RuntimeLookupDao, type Instance } from '@bbws/data-access-instances';
import { MESSAGES } from '@bbws/shared-contracts';
import { testDynamoContext } from '@bbws/testing-factories';
import { buildInstance } from '@bbws/testing-instances';
import { startInstanceGitOps, type InstanceGitOpsFixture } from './instance-gitops.fixture';

jest.setTimeout(90_000);

const git = promisify(execFile);

describe('workers: instance deprovisioning through GitOps (bbws-instance-deprovision)', () => {
  let gx: InstanceGitOpsFixture;
  const lookups = new RuntimeLookupDao(testDynamoContext());

  beforeAll(async () => {
    gx = await startInstanceGitOps('instance-provision,instance-deprovision');
  });
  afterAll(() => gx.close());

  const ids = (instance: Instance) => ({
    instanceId: instance.instanceId,
    environment: instance.environment,
  });

  async function activeInstance(): Promise<Instance> {
    const instance = await gx.seedInstance();
    const operation = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      tier: 'STANDARD',
      desiredCount: 1,
    });
    expect(await gx.finished(operation.operationId)).toMatchObject({ status: 'COMPLETED' });
    return gx.reload(instance);
  }

  it('destroys through the workflow, commits the folder away, and leaves the instance DEPROVISIONED with its slug free', async () => {
    const instance = await activeInstance();
    expect(gx.compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });

    const operation = await gx.launch(
      instance,
      MESSAGES.INSTANCE_DEPROVISION,
      'PENDING_DEPROVISIONING',
      ids(instance),
    );
    const done = await gx.finished(operation.operationId);
    expect(done).toMatchObject({ status: 'COMPLETED', result: { status: 'DEPROVISIONED' } });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['destroy', 'COMPLETED'],
      ['remove-folder', 'COMPLETED'],
      ['finish', 'COMPLETED'],
    ]);
    expect(gx.dispatchesOf(operation.operationId)).toBe(1);
    expect(gx.applier.calls.filter((call) => call.operationId === operation.operationId)).toEqual([
      expect.objectContaining({ action: 'destroy', slug: instance.slug }),
    ]);
    expect(gx.compute.plane.route(instance.resources.host)).toBeUndefined();

    const commits = await gx.commitsOf(instance);
    expect(commits).toHaveLength(2);
    const tree = await git('git', [
      '-C',
      gx.github.repositoryDir('DEV'),
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    ]);
    expect(tree.stdout).not.toContain(`tenants/${instance.slug}/`);
    const message = await git('git', [
      '-C',
      gx.github.repositoryDir('DEV'),
      'log',
      '-1',
      '--format=%B',
      commits[0],
    ]);
    expect(message.stdout).toContain(operation.operationId);

    const gone = await gx.reload(instance);
    expect(gone).toMatchObject({
      status: 'DEPROVISIONED',
      runningCount: 0,
      gitOps: { lastCommitSha: commits[0] },
    });
    expect(await lookups.find('DEV', instance.resources.serviceName)).toBeNull();
    expect(await gx.fx.operations.activeOperationId(instance.instanceId)).toBeNull();

    // The slug and the listener-rule priority are free again: another tenant's instance may take them.
    const tenant = await gx.fx.seedTenant();
    await expect(
      gx.instances.create(
        buildInstance({ tenantId: tenant.tenantId, slug: instance.slug, resources: instance.resources }),
      ),
    ).resolves.toBeUndefined();
  });

  it('deprovisions an instance whose Terraform was never committed without dispatching anything', async () => {
    const instance = await gx.seedInstance({ status: 'WORKFLOW_FAILED' });
    const operation = await gx.launch(
      instance,
      MESSAGES.INSTANCE_DEPROVISION,
      'PENDING_DEPROVISIONING',
      ids(instance),
    );
    const done = await gx.finished(operation.operationId);
    expect(done.status).toBe('COMPLETED');
    expect(done.steps.find((step) => step.name === 'destroy')?.output).toEqual({ skipped: true });
    expect(gx.dispatchesOf(operation.operationId)).toBe(0);
    expect(await gx.reload(instance)).toMatchObject({ status: 'DEPROVISIONED' });
  });
});
