import { simpleGit } from 'simple-git';
import { eventually } from '@bbws/testing-engines';
import { startLocalGitHub, TOKEN, type LocalGitHub } from '@bbws/testing-gitops';
import { commitDirectly, inFolder, tenantFiles } from '../test/tenant.files';

describe('LocalGitHubServer', () => {
  let github: LocalGitHub;

  beforeEach(async () => {
    github = await startLocalGitHub();
  });

  afterEach(() => github.close());

  const api = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token = TOKEN, ...rest } = init;
    return fetch(`${github.server.baseUrl}${path}`, {
      ...rest,
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
    });
  };
  const dispatch = (inputs: Record<string, string>) =>
    api('/repos/bbws/gitops-dev/actions/workflows/deploy-tenant.yml/dispatches', {
      method: 'POST',
      body: JSON.stringify({ ref: 'main', inputs }),
    });
  const runOf = async (operationId: string) => {
    const response = await api('/repos/bbws/gitops-dev/actions/runs?event=workflow_dispatch');
    const body = (await response.json()) as { workflow_runs: Array<Record<string, unknown>> };
    return body.workflow_runs.find((run) => String(run['display_title']).includes(operationId));
  };

  it('creates each environment repository from the template with one initial commit', async () => {
    const git = simpleGit({ baseDir: github.server.repositoryDir('DEV') });
    expect((await git.raw(['rev-parse', '--is-bare-repository'])).trim()).toBe('true');
    expect((await git.raw(['rev-list', '--count', 'main'])).trim()).toBe('1');
    const files = (await git.raw(['ls-tree', '-r', '--name-only', 'main'])).split('\n');
    expect(files).toEqual(
      expect.arrayContaining([
        '.github/workflows/deploy-tenant.yml',
        'modules/wordpress-instance/variables.tf',
        'modules/wordpress-instance/outputs.tf',
        'tenants/.gitkeep',
      ]),
    );
    expect(github.server.repositoryDir('SIT')).not.toBe(github.server.repositoryDir('DEV'));
  });

  it('answers 401 with GitHub error bodies without a token and with a wrong one', async () => {
    const missing = await api('/repos/bbws/gitops-dev/git/ref/heads/main', { token: null });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    const wrong = await api('/repos/bbws/gitops-dev/git/ref/heads/main', { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ message: 'Bad credentials' });
    const tokenScheme = await fetch(`${github.server.baseUrl}/repos/bbws/gitops-dev/git/ref/heads/main`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(tokenScheme.status).toBe(200);
    expect(await tokenScheme.json()).toMatchObject({ ref: 'refs/heads/main', object: { type: 'commit' } });
  });

  it('answers 404 for an unknown repository or ref', async () => {
    expect((await api('/repos/bbws/unknown/git/ref/heads/main')).status).toBe(404);
    const missingRef = await api('/repos/bbws/gitops-dev/git/ref/heads/nope');
    expect(missingRef.status).toBe(404);
    expect(await missingRef.json()).toMatchObject({ message: 'Not Found' });
  });

  it('builds trees from content and nested paths, and refuses a ref update that is not a fast forward', async () => {
    const ref = (await (await api('/repos/bbws/gitops-dev/git/ref/heads/main')).json()) as {
      object: { sha: string };
    };
    const head = ref.object.sha;
    const commit = (await (await api(`/repos/bbws/gitops-dev/git/commits/${head}`)).json()) as {
      tree: { sha: string };
    };
    const tree = await api('/repos/bbws/gitops-dev/git/trees', {
      method: 'POST',
      body: JSON.stringify({
        base_tree: commit.tree.sha,
        tree: [{ path: 'tenants/x/a.txt', mode: '100644', type: 'blob', content: 'a' }],
      }),
    });
    expect(tree.status).toBe(201);
    const treeBody = (await tree.json()) as { sha: string; tree: Array<{ path: string }> };
    expect(treeBody.tree.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['.github', 'modules', 'tenants']),
    );
    const recursive = (await (
      await api(`/repos/bbws/gitops-dev/git/trees/${treeBody.sha}?recursive=1`)
    ).json()) as { tree: Array<{ path: string; type: string }> };
    expect(recursive.tree).toContainEqual(expect.objectContaining({ path: 'tenants/x/a.txt', type: 'blob' }));

    // An orphan commit (no parent) does not contain the head: GitHub refuses it without force.
    const orphan = (await (
      await api('/repos/bbws/gitops-dev/git/commits', {
        method: 'POST',
        body: JSON.stringify({ message: 'orphan', tree: treeBody.sha, parents: [] }),
      })
    ).json()) as { sha: string };
    const refused = await api('/repos/bbws/gitops-dev/git/refs/heads/main', {
      method: 'PATCH',
      body: JSON.stringify({ sha: orphan.sha, force: false }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ message: 'Update is not a fast forward' });
    const after = (await (await api('/repos/bbws/gitops-dev/git/ref/heads/main')).json()) as {
      object: { sha: string };
    };
    expect(after.object.sha).toBe(head);
  });

  it('refuses a dispatch with a missing input or a value outside the choices, creating no run', async () => {
    const missing = await dispatch({ tenant_slug: 'acme', action: 'apply' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ message: "Required input 'operation_id' not provided" });
    const badChoice = await dispatch({ tenant_slug: 'acme', action: 'nuke', operation_id: 'op-x' });
    expect(badChoice.status).toBe(422);
    const unknownWorkflow = await api('/repos/bbws/gitops-dev/actions/workflows/other.yml/dispatches', {
      method: 'POST',
      body: JSON.stringify({ ref: 'main', inputs: {} }),
    });
    expect(unknownWorkflow.status).toBe(404);
    const runs = (await (await api('/repos/bbws/gitops-dev/actions/runs')).json()) as { total_count: number };
    expect(runs.total_count).toBe(0);
  });

  it('names the run from run-name, serves its job steps and redirects to its log', async () => {
    const files = tenantFiles('acme');
    files['terraform.tfvars'] += 'note = "costs $${price} %%{ if x }"\n';
    await commitDirectly(github.server.repositoryDir('DEV'), inFolder('acme', files), 'acme');
    expect((await dispatch({ tenant_slug: 'acme', action: 'apply', operation_id: 'op-name' })).status).toBe(
      204,
    );

    const run = await eventually(async () => {
      const found = await runOf('op-name');
      return found?.['status'] === 'completed' ? found : undefined;
    });
    expect(run).toMatchObject({
      name: 'deploy-tenant',
      display_title: 'apply acme (operation op-name)',
      event: 'workflow_dispatch',
      conclusion: 'success',
      path: '.github/workflows/deploy-tenant.yml',
      head_branch: 'main',
    });
    const jobs = (await (
      await api(`/repos/bbws/gitops-dev/actions/runs/${String(run['id'])}/jobs`)
    ).json()) as {
      jobs: Array<{ id: number; name: string; steps: Array<{ name: string; conclusion: string }> }>;
    };
    expect(jobs.jobs[0].name).toBe('terraform apply');
    expect(jobs.jobs[0].steps.map((step) => [step.name, step.conclusion])).toEqual([
      ['Set up job', 'success'],
      ['Check out', 'success'],
      ['Terraform validate', 'success'],
      ['Terraform apply', 'success'],
      ['Complete job', 'success'],
    ]);
    const redirect = await api(`/repos/bbws/gitops-dev/actions/jobs/${jobs.jobs[0].id}/logs`, {
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    const log = await fetch(location);
    expect(await log.text()).toContain('apply of acme complete');
    expect((await fetch(location.replace(/sig=\w+/, 'sig=forged'))).status).toBe(403);
    const page = await fetch(String(run['html_url']));
    expect(await page.text()).toMatch(
      /^deploy-tenant #1: apply acme \(operation op-name\)\nstatus: completed \(success\)/,
    );
    expect(github.applier.calls).toHaveLength(1);
    expect(github.applier.calls[0]).toMatchObject({ action: 'apply', slug: 'acme', operationId: 'op-name' });
    // The applier gets the literal tfvars values, template escapes resolved.
    expect(github.applier.calls[0].variables).toMatchObject({
      slug: 'acme',
      cpu: 256,
      note: 'costs ${price} %{ if x }',
    });
  });

  it('after a restart keeps its runs, fails the one that was in progress and runs the queued one', async () => {
    await commitDirectly(github.server.repositoryDir('DEV'), inFolder('acme', tenantFiles('acme')), 'acme');
    github.applier.hold();
    await dispatch({ tenant_slug: 'acme', action: 'apply', operation_id: 'op-done' });
    github.applier.release();
    await eventually(async () => ((await runOf('op-done'))?.['status'] === 'completed' ? true : undefined));
    github.applier.hold();
    await dispatch({ tenant_slug: 'acme', action: 'apply', operation_id: 'op-interrupted' });
    await dispatch({ tenant_slug: 'acme', action: 'plan', operation_id: 'op-waiting' });
    await eventually(async () =>
      (await runOf('op-interrupted'))?.['status'] === 'in_progress' ? true : undefined,
    );
    await eventually(async () =>
      github.applier.calls.some((call) => call.operationId === 'op-interrupted') ? true : undefined,
    );
    expect((await runOf('op-waiting'))?.['status']).toBe('queued');

    await github.restart({ abandonRuns: true });
    github.applier.release();

    expect(await runOf('op-done')).toMatchObject({ status: 'completed', conclusion: 'success' });
    const interrupted = await runOf('op-interrupted');
    expect(interrupted).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const waiting = await eventually(async () => {
      const run = await runOf('op-waiting');
      return run?.['status'] === 'completed' ? run : undefined;
    });
    expect(waiting['conclusion']).toBe('success');
    const jobs = (await (
      await api(`/repos/bbws/gitops-dev/actions/runs/${String(interrupted?.['id'])}/jobs`)
    ).json()) as {
      jobs: Array<{ id: number; steps: Array<{ name: string; conclusion: string }> }>;
    };
    expect(jobs.jobs[0].steps.find((step) => step.conclusion === 'failure')?.name).toBe('Terraform apply');
    const log = await fetch((await api(`/repos/bbws/gitops-dev/actions/jobs/${jobs.jobs[0].id}/logs`)).url);
    expect(await log.text()).toContain('The runner was restarted');
    const git = simpleGit({ baseDir: github.server.repositoryDir('DEV') });
    expect((await git.raw(['rev-list', '--count', 'main'])).trim()).toBe('2');
  });
});
