import { NotFoundError, UnauthorizedError } from '@bbws/shared-errors';
import { eventually } from '@bbws/testing-engines';
import { adapterConfig, startLocalGitHub, type LocalGitHub } from '@bbws/testing-gitops';
import { renderInstanceTerraform, type InstanceTerraformVariables } from './instance-terraform.renderer';
import { OctokitGitOps } from './octokit-gitops.adapter';

const vars = (slug: string): InstanceTerraformVariables => ({
  environment: 'DEV',
  slug,
  domainSuffix: 'dev.bbws.example',
  listenerRulePriority: 130,
  cpu: 256,
  memory: 512,
  desiredCount: 2,
  wordpressImage: 'bbws/wordpress:6.4',
  wordpressVersion: '6.4.2',
  awsRegion: 'eu-west-1',
  stateBucket: 'bbws-dev-terraform-state',
});

describe('OctokitGitOps workflow runs against the local GitHub server', () => {
  let github: LocalGitHub;
  let gitops: OctokitGitOps;

  beforeAll(async () => {
    github = await startLocalGitHub();
    gitops = new OctokitGitOps({ environments: adapterConfig(github.server.baseUrl) });
  });

  afterAll(() => github.close());

  const commit = (slug: string, files: Record<string, string>, operationId: string) =>
    gitops.commitInstance({
      environment: 'DEV',
      slug,
      files,
      operationId,
      message: `Provision ${slug} (operation ${operationId})`,
    });

  const completed = (operationId: string) =>
    eventually(async () => {
      const run = await gitops.findRun({ environment: 'DEV', operationId });
      return run?.status === 'completed' ? run : undefined;
    });

  it('dispatches the workflow, finds the run by operation id and follows it queued → in_progress → completed', async () => {
    await commit('gamma', { ...renderInstanceTerraform(vars('gamma')) }, 'op-run-1');
    await commit('delta', { ...renderInstanceTerraform(vars('delta')) }, 'op-run-2');
    github.applier.hold();
    github.server.requests.length = 0;
    const dispatchedAt = new Date().toISOString();

    await gitops.dispatch({ environment: 'DEV', slug: 'gamma', action: 'apply', operationId: 'op-run-1' });
    await gitops.dispatch({ environment: 'DEV', slug: 'gamma', action: 'plan', operationId: 'op-run-2' });

    const [dispatch] = github.server.requests;
    expect(dispatch).toMatchObject({
      method: 'POST',
      path: '/repos/bbws/gitops-dev/actions/workflows/deploy-tenant.yml/dispatches',
      body: { ref: 'main', inputs: { tenant_slug: 'gamma', action: 'apply', operation_id: 'op-run-1' } },
    });
    const first = await eventually(async () => {
      const run = await gitops.findRun({
        environment: 'DEV',
        operationId: 'op-run-1',
        createdAfter: dispatchedAt,
      });
      return run?.status === 'in_progress' ? run : undefined;
    });
    // One run at a time per tenant: the second waits in the queue while the first holds the group.
    const second = await gitops.findRun({ environment: 'DEV', operationId: 'op-run-2' });
    expect(second?.status).toBe('queued');
    expect(second?.id).not.toBe(first.id);
    const lookup = github.server.requests.find((request) => request.path.endsWith('/runs'));
    expect(lookup).toMatchObject({
      method: 'GET',
      path: '/repos/bbws/gitops-dev/actions/workflows/deploy-tenant.yml/runs',
      query: {
        event: 'workflow_dispatch',
        per_page: '100',
        created: `>=${dispatchedAt.replace(/\.\d+Z$/, 'Z')}`,
      },
    });

    github.applier.release();
    const done = await completed('op-run-1');
    expect(done).toMatchObject({ id: first.id, status: 'completed', conclusion: 'success' });
    expect(done.htmlUrl).toContain(`/actions/runs/${first.id}`);
    expect(await gitops.getRun('DEV', first.id)).toEqual(done);
    expect((await completed('op-run-2')).conclusion).toBe('success');
    expect(await gitops.failureExcerpt('DEV', first.id)).toBeUndefined();

    const applied = github.applier.calls.find((call) => call.operationId === 'op-run-1');
    expect(applied).toEqual({
      action: 'apply',
      environment: 'DEV',
      slug: 'gamma',
      operationId: 'op-run-1',
      variables: {
        environment: 'dev',
        slug: 'gamma',
        domain_suffix: 'dev.bbws.example',
        listener_rule_priority: 130,
        cpu: 256,
        memory: 512,
        desired_count: 2,
        wordpress_image: 'bbws/wordpress:6.4',
        wordpress_version: '6.4.2',
      },
    });
    expect(github.applier.calls.find((call) => call.operationId === 'op-run-2')?.action).toBe('plan');
  });

  it('returns undefined for an operation that has no run', async () => {
    expect(await gitops.findRun({ environment: 'DEV', operationId: 'op-never-dispatched' })).toBeUndefined();
  });

  it('fails the run on Terraform that does not parse, and the excerpt names the file and the error', async () => {
    const files = renderInstanceTerraform(vars('broken'));
    await commit(
      'broken',
      { ...files, 'main.tf': `${files['main.tf']}\nmodule "oops" {\n  source = \n` },
      'op-broken',
    );
    const calls = github.applier.calls.length;

    await gitops.dispatch({ environment: 'DEV', slug: 'broken', action: 'apply', operationId: 'op-broken' });
    const run = await completed('op-broken');

    expect(run.conclusion).toBe('failure');
    const excerpt = await gitops.failureExcerpt('DEV', run.id);
    expect(excerpt).toMatchObject({ jobName: 'terraform apply', stepName: 'Terraform validate' });
    expect(excerpt?.lines.join('\n')).toMatch(/tenants\/broken\/main\.tf:[\d,-]+: Invalid expression/);
    expect(excerpt?.lines.length).toBeLessThanOrEqual(40);
    expect(github.applier.calls).toHaveLength(calls);
    const logRequest = github.server.requests.find((request) => request.path.endsWith('/logs'));
    expect(logRequest?.path).toMatch(/^\/repos\/bbws\/gitops-dev\/actions\/jobs\/\d+\/logs$/);

    // Every .tf of the repository is parsed: once the broken folder is gone, runs pass again.
    await gitops.removeInstance({
      environment: 'DEV',
      slug: 'broken',
      operationId: 'op-broken-fix',
      message: 'Remove broken',
    });
    await gitops.dispatch({ environment: 'DEV', slug: 'gamma', action: 'plan', operationId: 'op-after-fix' });
    expect((await completed('op-after-fix')).conclusion).toBe('success');
  });

  it('fails the run when the module call leaves out a required variable, naming it', async () => {
    const files = renderInstanceTerraform(vars('partial'));
    const main = files['main.tf'].replace(/^\s*listener_rule_priority\s*=.*$/m, '');
    await commit('partial', { ...files, 'main.tf': main }, 'op-partial');

    await gitops.dispatch({
      environment: 'DEV',
      slug: 'partial',
      action: 'apply',
      operationId: 'op-partial',
    });
    const run = await completed('op-partial');

    expect(run.conclusion).toBe('failure');
    const excerpt = await gitops.failureExcerpt('DEV', run.id);
    expect(excerpt?.stepName).toBe('Terraform validate');
    expect(excerpt?.lines.join('\n')).toContain('missing required argument "listener_rule_priority"');
  });

  it('fails the apply step with the applier error in the log', async () => {
    await commit('epsilon', { ...renderInstanceTerraform(vars('epsilon')) }, 'op-apply-fails');
    github.applier.failWith = 'ECS service dev-epsilon-service did not become stable';
    try {
      await gitops.dispatch({
        environment: 'DEV',
        slug: 'epsilon',
        action: 'apply',
        operationId: 'op-apply-fails',
      });
      const run = await completed('op-apply-fails');
      const excerpt = await gitops.failureExcerpt('DEV', run.id);
      expect(excerpt?.stepName).toBe('Terraform apply');
      expect(excerpt?.lines.join('\n')).toContain('dev-epsilon-service did not become stable');
    } finally {
      github.applier.failWith = undefined;
    }
  });

  it('maps a missing or wrong token to UnauthorizedError, and unknown runs to NotFoundError', async () => {
    const wrongToken = new OctokitGitOps({
      environments: adapterConfig(github.server.baseUrl, 'not-the-token'),
    });
    await expect(wrongToken.findRun({ environment: 'DEV', operationId: 'x' })).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(
      wrongToken.commitInstance({
        environment: 'DEV',
        slug: 'zeta',
        files: { 'main.tf': '' },
        operationId: 'x',
        message: 'x',
      }),
    ).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(gitops.getRun('DEV', 999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
