import { parse } from '@cdktf/hcl2json';
import { GitRepository } from '@bbws/integrations-local-gitops';
import { adapterConfig, startLocalGitHub, type LocalGitHub } from '@bbws/testing-gitops';
import { gitIn } from '../test/git.inspect';
import { gitBlobSha } from './git-object.util';
import { renderInstanceTerraform, type InstanceTerraformVariables } from './instance-terraform.renderer';
import { OctokitGitOps } from './octokit-gitops.adapter';

const vars = (
  slug: string,
  overrides: Partial<InstanceTerraformVariables> = {},
): InstanceTerraformVariables => ({
  environment: 'DEV',
  slug,
  domainSuffix: 'dev.bbws.example',
  listenerRulePriority: 120,
  cpu: 512,
  memory: 1024,
  desiredCount: 1,
  wordpressImage: 'bbws/wordpress:6.4',
  wordpressVersion: '6.4.2',
  awsRegion: 'eu-west-1',
  stateBucket: 'bbws-dev-terraform-state',
  ...overrides,
});

describe('OctokitGitOps commits against the local GitHub server', () => {
  let github: LocalGitHub;
  let gitops: OctokitGitOps;
  let moveBranchOnce: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    github = await startLocalGitHub({
      hooks: {
        beforeRefUpdate: async () => {
          const move = moveBranchOnce;
          moveBranchOnce = undefined;
          await move?.();
        },
      },
    });
    gitops = new OctokitGitOps({ environments: adapterConfig(github.server.baseUrl) });
  });

  afterAll(() => github.close());

  const repo = () => gitIn(github.server.repositoryDir('DEV'));

  it('writes the three files of the tenant folder in one commit with the bot author and the operation in the message', async () => {
    const files = renderInstanceTerraform(vars('acme'));
    const before = await repo().head();
    github.server.requests.length = 0;

    const result = await gitops.commitInstance({
      environment: 'DEV',
      slug: 'acme',
      files: { ...files },
      operationId: 'op-commit-1',
      message: 'Provision acme (operation op-commit-1)',
    });

    expect(result.created).toBe(true);
    expect(await repo().head()).toBe(result.sha);
    expect(await repo().parents(result.sha)).toEqual([before]);
    expect(await repo().files(result.sha, 'tenants/acme')).toEqual([
      'tenants/acme/backend.tf',
      'tenants/acme/main.tf',
      'tenants/acme/terraform.tfvars',
    ]);
    expect(await repo().files(result.sha, 'modules')).toContain('modules/wordpress-instance/variables.tf');
    expect(await repo().format(result.sha, '%an <%ae>|%s')).toBe(
      'BBWS GitOps Bot <gitops-bot@bbws.local>|Provision acme (operation op-commit-1)',
    );
    expect(await repo().show(result.sha, 'tenants/acme/main.tf')).toBe(files['main.tf']);

    const calls = github.server.requests.map((request) => `${request.method} ${request.path}`);
    const api = '/repos/bbws/gitops-dev';
    // Octokit sends the ref as one path segment (GitHub accepts heads%2Fmain as heads/main).
    expect(calls[0]).toBe(`GET ${api}/git/ref/heads%2Fmain`);
    expect(calls[1]).toBe(`GET ${api}/git/commits/${before}`);
    expect(calls.filter((call) => call === `POST ${api}/git/blobs`)).toHaveLength(3);
    expect(calls.slice(-3)).toEqual([
      `POST ${api}/git/trees`,
      `POST ${api}/git/commits`,
      `PATCH ${api}/git/refs/heads%2Fmain`,
    ]);
    const [treeRequest, commitRequest, refRequest] = github.server.requests
      .slice(-3)
      .map((request) => request.body as Record<string, unknown>);
    const baseTree = await repo().format(before, '%T');
    expect(treeRequest).toEqual({
      base_tree: baseTree,
      tree: ['main.tf', 'terraform.tfvars', 'backend.tf'].map((name) => ({
        path: `tenants/acme/${name}`,
        mode: '100644',
        type: 'blob',
        sha: gitBlobSha(files[name as keyof typeof files]),
      })),
    });
    expect(commitRequest).toMatchObject({
      message: 'Provision acme (operation op-commit-1)',
      parents: [before],
      author: { name: 'BBWS GitOps Bot', email: 'gitops-bot@bbws.local' },
    });
    expect(refRequest).toEqual({ sha: result.sha, force: false });
  });

  it('commits Terraform that parses as HCL2 and sets every variable the module requires', async () => {
    const head = await repo().head();
    const main = (await parse('main.tf', await repo().show(head, 'tenants/acme/main.tf'))) as {
      module: Record<string, Array<Record<string, unknown>>>;
    };
    const moduleVariables = (await parse(
      'variables.tf',
      await repo().show(head, 'modules/wordpress-instance/variables.tf'),
    )) as { variable: Record<string, Array<Record<string, unknown>>> };
    const required = Object.entries(moduleVariables.variable)
      .filter(([, [block]]) => !('default' in block))
      .map(([name]) => name);
    const call = main.module['wordpress_instance'][0];
    expect(call['source']).toBe('../../modules/wordpress-instance');
    expect(required.length).toBeGreaterThan(5);
    for (const name of required) expect(call).toHaveProperty(name);
    const tfvars = (await parse(
      'terraform.tfvars',
      await repo().show(head, 'tenants/acme/terraform.tfvars'),
    )) as Record<string, unknown>;
    expect(tfvars).toMatchObject({ environment: 'dev', slug: 'acme', cpu: 512, desired_count: 1 });
    const backend = (await parse('backend.tf', await repo().show(head, 'tenants/acme/backend.tf'))) as {
      terraform: Array<{ backend: { s3: Array<Record<string, unknown>> } }>;
    };
    expect(backend.terraform[0].backend.s3[0]['key']).toBe('tenants/acme/terraform.tfstate');
  });

  it('makes no second commit when the folder already holds exactly these files', async () => {
    const head = await repo().head();
    const count = await repo().commitCount();
    github.server.requests.length = 0;

    const again = await gitops.commitInstance({
      environment: 'DEV',
      slug: 'acme',
      files: { ...renderInstanceTerraform(vars('acme')) },
      operationId: 'op-commit-1',
      message: 'Provision acme (operation op-commit-1)',
    });

    expect(again).toEqual({ sha: head, created: false });
    expect(await repo().commitCount()).toBe(count);
    expect(github.server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('rebuilds the commit on the new head when the branch moved before the ref update, losing neither change', async () => {
    const start = await repo().head();
    let concurrent = '';
    moveBranchOnce = async () => {
      const git = new GitRepository(github.server.repositoryDir('DEV'));
      const base = await git.readCommit(start);
      const blob = await git.writeBlob(Buffer.from('# another writer\n'));
      const tree = await git.buildTree(base!.tree, [
        { path: 'tenants/other/main.tf', mode: '100644', sha: blob },
      ]);
      const who = { name: 'Someone Else', email: 'else@example.com', date: new Date().toISOString() };
      concurrent = await git.commitTree(tree, [start], 'Concurrent change', who, who);
      expect(await git.updateRef('refs/heads/main', concurrent, start)).toBe(true);
    };
    github.server.requests.length = 0;

    const result = await gitops.commitInstance({
      environment: 'DEV',
      slug: 'beta',
      files: { ...renderInstanceTerraform(vars('beta')) },
      operationId: 'op-race',
      message: 'Provision beta (operation op-race)',
    });

    expect(result.created).toBe(true);
    expect(await repo().head()).toBe(result.sha);
    expect(await repo().parents(result.sha)).toEqual([concurrent]);
    expect(await repo().parents(concurrent)).toEqual([start]);
    expect(await repo().files(result.sha, 'tenants')).toEqual(
      expect.arrayContaining(['tenants/other/main.tf', 'tenants/beta/main.tf', 'tenants/acme/main.tf']),
    );
    const refUpdates = github.server.requests.filter((request) => request.method === 'PATCH');
    expect(refUpdates).toHaveLength(2);
  });

  it('removes the tenant folder in one delete commit, and makes none when there is nothing to delete', async () => {
    const before = await repo().head();
    const removed = await gitops.removeInstance({
      environment: 'DEV',
      slug: 'beta',
      operationId: 'op-delete',
      message: 'Deprovision beta (operation op-delete)',
    });

    expect(removed.created).toBe(true);
    expect(await repo().parents(removed.sha)).toEqual([before]);
    expect(await repo().files(removed.sha, 'tenants/beta')).toEqual([]);
    expect(await repo().files(removed.sha, 'tenants/acme')).toHaveLength(3);
    expect(await repo().format(removed.sha, '%s')).toBe('Deprovision beta (operation op-delete)');
    const tree = github.server.requests
      .filter((request) => request.method === 'POST' && request.path.endsWith('/git/trees'))
      .at(-1)?.body as { tree: unknown[] };
    expect(tree.tree).toEqual(
      ['backend.tf', 'main.tf', 'terraform.tfvars'].map((name) => ({
        path: `tenants/beta/${name}`,
        mode: '100644',
        type: 'blob',
        sha: null,
      })),
    );

    const again = await gitops.removeInstance({
      environment: 'DEV',
      slug: 'beta',
      operationId: 'op-delete',
      message: 'Deprovision beta (operation op-delete)',
    });
    expect(again).toEqual({ sha: removed.sha, created: false });
  });

  it('lands every one of several concurrent commits to different tenant folders', async () => {
    const before = await repo().commitCount();
    const slugs = ['par1', 'par2', 'par3', 'par4', 'par5'];

    const results = await Promise.all(
      slugs.map((slug) =>
        gitops.commitInstance({
          environment: 'DEV',
          slug,
          files: { ...renderInstanceTerraform(vars(slug)) },
          operationId: `op-${slug}`,
          message: `Provision ${slug}`,
        }),
      ),
    );

    expect(results.every((result) => result.created)).toBe(true);
    expect(await repo().commitCount()).toBe(before + slugs.length);
    const head = await repo().head();
    for (const slug of slugs) expect(await repo().files(head, `tenants/${slug}`)).toHaveLength(3);
  });

  it('writes each environment to its own repository, naming the operation in a trailer when the message does not', async () => {
    const result = await gitops.commitInstance({
      environment: 'SIT',
      slug: 'acme',
      files: { ...renderInstanceTerraform(vars('acme', { environment: 'SIT' })) },
      operationId: 'op-sit',
      message: 'Provision acme in SIT',
    });
    const sit = gitIn(github.server.repositoryDir('SIT'));
    expect(await sit.head()).toBe(result.sha);
    expect(await sit.format(result.sha, '%B')).toBe('Provision acme in SIT\n\nOperation: op-sit');
    expect(await sit.show(result.sha, 'tenants/acme/terraform.tfvars')).toContain(
      'environment            = "sit"'.replace(/ +/, ' '),
    );
  });
});
