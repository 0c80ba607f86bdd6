import { parse } from '@cdktf/hcl2json';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RuntimeLookupDao, type Instance } from '@bbws/data-access-instances';
import { MESSAGES } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { startInstanceGitOps, watchStatuses, type InstanceGitOpsFixture } from './instance-gitops.fixture';
import { startReceiver, type Receiver } from './workers-app.fixture';

jest.setTimeout(90_000);

const git = promisify(execFile);

describe('workers: instance provisioning and updates through GitOps (bbws-instance-provision)', () => {
  let gx: InstanceGitOpsFixture;
  let receiver: Receiver;
  const lookups = new RuntimeLookupDao(testDynamoContext());

  beforeAll(async () => {
    gx = await startInstanceGitOps('instance-provision,webhooks');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await gx.close();
    await receiver.close();
  });
  afterEach(() => {
    gx.applier.release();
    gx.applier.failWith = undefined;
  });

  const ids = (instance: Instance) => ({
    instanceId: instance.instanceId,
    environment: instance.environment,
  });
  const provisionPayload = { tier: 'STANDARD' as const, desiredCount: 1 };

  /** The instance webhook events delivered for the tenant, in order. */
  const instanceEvents = (tenantId: string, count: number) =>
    eventually(async () => {
      const events = receiver.requests
        .map((request) => JSON.parse(request.body) as { type: string; tenantId: string; data: object })
        .filter((event) => event.tenantId === tenantId && event.type.startsWith('instance.'));
      return events.length >= count ? events : undefined;
    });

  it('walks COMMITTING → WORKFLOW_QUEUED → WORKFLOW_RUNNING → PROVISIONING → ACTIVE with one commit of valid HCL, one run and the runtime lookup', async () => {
    const instance = await gx.seedInstance();
    await gx.fx.seedWebhook(instance.tenantId, receiver.url, ['instance.active', 'instance.failed']);
    const watch = watchStatuses(gx.instances, instance);
    gx.applier.hold();
    const operation = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      ...provisionPayload,
    });
    await eventually(async () =>
      (await gx.reload(instance)).status === 'WORKFLOW_RUNNING' ? true : undefined,
    );
    gx.applier.release();
    const done = await gx.finished(operation.operationId);
    const seen = await watch.stop();

    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100, result: { status: 'ACTIVE' } });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual(
      ['commit', 'dispatch', 'workflow', 'runtime', 'activate'].map((name) => [name, 'COMPLETED']),
    );
    expect(seen.filter((status) => status !== 'PENDING_PROVISIONING')).toEqual([
      'COMMITTING',
      'WORKFLOW_QUEUED',
      'WORKFLOW_RUNNING',
      'PROVISIONING',
      'ACTIVE',
    ]);
    const active = await gx.reload(instance);
    const commits = await gx.commitsOf(instance);
    expect(commits).toHaveLength(1);
    expect(active).toMatchObject({
      status: 'ACTIVE',
      runningCount: 1,
      lastError: null,
      gitOps: { lastCommitSha: commits[0], lastWorkflowRunId: expect.any(Number) },
      resources: {
        listenerRuleArn: expect.stringMatching(/:listener-rule\//),
        targetGroupArn: expect.stringMatching(/:targetgroup\//),
      },
    });
    expect(active.gitOps.lastWorkflowUrl).toContain(`/actions/runs/${active.gitOps.lastWorkflowRunId}`);
    expect(gx.dispatchesOf(operation.operationId)).toBe(1);
    expect(gx.applier.calls.filter((call) => call.operationId === operation.operationId)).toEqual([
      expect.objectContaining({ action: 'apply', slug: instance.slug }),
    ]);

    const dir = gx.github.repositoryDir('DEV');
    const main = await git('git', ['-C', dir, 'show', `main:tenants/${instance.slug}/main.tf`]);
    const parsed = (await parse('main.tf', main.stdout)) as { module: Record<string, unknown[]> };
    expect(parsed.module.wordpress_instance).toBeDefined();
    const tfvars = await git('git', ['-C', dir, 'show', `main:tenants/${instance.slug}/terraform.tfvars`]);
    expect(tfvars.stdout).toContain(`slug = "${instance.slug}"`);
    expect(tfvars.stdout).toContain(`listener_rule_priority = ${instance.resources.listenerRulePriority}`);

    expect(await lookups.find('DEV', instance.resources.serviceName)).toEqual({
      tenantId: instance.tenantId,
      instanceId: instance.instanceId,
      environment: 'DEV',
      serviceName: instance.resources.serviceName,
    });
    expect(gx.compute.plane.route(instance.resources.host)).toMatchObject({ kind: 'forward' });
    expect(await gx.fx.operations.activeOperationId(instance.instanceId)).toBeNull();
    expect((await gx.fx.tenants.get(instance.tenantId))?.status).toBe('ACTIVE');
    expect(await instanceEvents(instance.tenantId, 1)).toEqual([
      expect.objectContaining({
        type: 'instance.active',
        data: expect.objectContaining({ instanceId: instance.instanceId, status: 'ACTIVE' }),
      }),
    ]);
  });

  it('fails as WORKFLOW_FAILED with the run log in the error, and a re-launched provision after the fix goes ACTIVE', async () => {
    const instance = await gx.seedInstance();
    await gx.fx.seedWebhook(instance.tenantId, receiver.url, ['instance.active', 'instance.failed']);
    gx.applier.failWith = 'Error: Unsupported argument "desired_cont" on main.tf line 12';
    const failedOp = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      ...provisionPayload,
    });
    const failed = await gx.finished(failedOp.operationId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ code: 'WORKFLOW_FAILED', retryable: false });
    expect(failed.error!.message).toContain('Unsupported argument "desired_cont"');
    expect(failed.error!.message).toMatch(/ended failure in \S+/);
    const workflowFailed = await gx.reload(instance);
    expect(workflowFailed).toMatchObject({
      status: 'WORKFLOW_FAILED',
      lastError: { code: 'WORKFLOW_FAILED', operationId: failedOp.operationId },
      gitOps: { lastWorkflowRunId: expect.any(Number) },
    });

    gx.applier.failWith = undefined;
    const retry = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      ...provisionPayload,
    });
    expect(await gx.finished(retry.operationId)).toMatchObject({ status: 'COMPLETED' });
    const active = await gx.reload(instance);
    expect(active).toMatchObject({ status: 'ACTIVE', lastError: null, runningCount: 1 });
    expect(gx.dispatchesOf(retry.operationId)).toBe(1);
    expect(active.gitOps.lastWorkflowRunId).not.toBe(workflowFailed.gitOps.lastWorkflowRunId);
    expect((await instanceEvents(instance.tenantId, 2)).map((event) => [event.type, event.data])).toEqual([
      [
        'instance.failed',
        expect.objectContaining({ status: 'WORKFLOW_FAILED', operationId: failedOp.operationId }),
      ],
      ['instance.active', expect.objectContaining({ status: 'ACTIVE', operationId: retry.operationId })],
    ]);
  });

  it('resumes a provision whose worker stopped after the dispatch: one commit, one dispatch, then ACTIVE', async () => {
    const instance = await gx.seedInstance();
    gx.applier.hold();
    const operation = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      ...provisionPayload,
    });
    await eventually(async () =>
      (await gx.reload(instance)).status === 'WORKFLOW_RUNNING' ? true : undefined,
    );
    await gx.fx.stopApp();
    const stopped = await gx.fx.operations.get(operation.operationId);
    expect(stopped?.steps.filter((step) => step.status === 'COMPLETED').map((step) => step.name)).toEqual([
      'commit',
      'dispatch',
    ]);

    await gx.fx.startApp();
    gx.applier.release();
    expect(await gx.finished(operation.operationId)).toMatchObject({ status: 'COMPLETED' });
    expect(await gx.reload(instance)).toMatchObject({ status: 'ACTIVE' });
    expect(await gx.commitsOf(instance)).toHaveLength(1);
    expect(gx.dispatchesOf(operation.operationId)).toBe(1);
  });

  it('updates tier, desired count and WordPress version through a new commit and run (UPDATING → ACTIVE)', async () => {
    const instance = await gx.seedInstance();
    const provision = await gx.launch(instance, MESSAGES.INSTANCE_PROVISION, 'PENDING_PROVISIONING', {
      ...ids(instance),
      ...provisionPayload,
    });
    expect(await gx.finished(provision.operationId)).toMatchObject({ status: 'COMPLETED' });

    const update = await gx.launch(instance, MESSAGES.INSTANCE_UPDATE, 'UPDATING', {
      ...ids(instance),
      tier: 'PROFESSIONAL',
      desiredCount: 2,
      wordpressVersion: '6.6.2',
    });
    const done = await gx.finished(update.operationId);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      result: { tier: 'PROFESSIONAL', desiredCount: 2, wordpressVersion: '6.6.2' },
    });
    expect(await gx.reload(instance)).toMatchObject({
      status: 'ACTIVE',
      tier: 'PROFESSIONAL',
      cpu: 1024,
      memory: 2048,
      desiredCount: 2,
      runningCount: 2,
      wordpressVersion: '6.6.2',
    });
    expect(await gx.commitsOf(instance)).toHaveLength(2);
    const tfvars = await git('git', [
      '-C',
      gx.github.repositoryDir('DEV'),
      'show',
      `main:tenants/${instance.slug}/terraform.tfvars`,
    ]);
    expect(tfvars.stdout).toMatch(/desired_count\s*=\s*2/);
    expect(tfvars.stdout).toMatch(/wordpress_version\s*=\s*"6\.6\.2"/);
    expect(gx.compute.fleet.running({ environment: 'DEV', slug: instance.slug })).toBe(2);
    expect(gx.dispatchesOf(update.operationId)).toBe(1);
  });
});
