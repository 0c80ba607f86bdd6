import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, DeleteQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createComputeAdapter, type AwsComputeAdapter, type ServiceRef } from '@bbws/integrations-compute';
import { OctokitGitOps } from '@bbws/integrations-gitops';
import { ensureRuntimePackages } from '@bbws/integrations-local-wordpress';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { eventually, QueueProbe } from '@bbws/testing-engines';
import { devTerraform, get, runWorkflow } from '../test/cloud-test.util';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from './local-cloud';

jest.setTimeout(180_000);

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const TOKEN = 'local-cloud-spec-token';

/**
 * One instance walked through its life on the local cloud with the production adapters: GitOps commit
 * + apply run, ECS DescribeServices/UpdateService, ELBv2 rules, the ALB proxy, a restart, destroy.
 */
describe('local cloud: GitOps apply → data plane → real WordPress behind the ALB proxy', () => {
  const slug = 'acme';
  const host = `${slug}.dev.localhost`;
  const service: ServiceRef = {
    environment: 'DEV',
    cluster: 'dev-cluster',
    serviceName: `dev-${slug}-service`,
  };
  const environments = loadHostingEnvironments({}, 'test', REGION);
  const sqs = new SQSClient({ region: REGION, endpoint: process.env.SQS_ENDPOINT, credentials: CREDENTIALS });
  const probe = new QueueProbe(sqs);
  let dataDir: string;
  let queueUrl: string;
  let options: LocalCloudOptions;
  let cloud: LocalCloud;
  let gitops: OctokitGitOps;
  let compute: AwsComputeAdapter;

  const connect = () => {
    const [owner, repo] = environments.DEV.gitops.repository.split('/');
    gitops = new OctokitGitOps({
      environments: {
        DEV: {
          baseUrl: cloud.endpoints.github,
          token: TOKEN,
          owner,
          repo,
          branch: 'main',
          workflowFile: 'deploy-tenant.yml',
          author: { name: 'BBWS Platform', email: 'platform@bbws.local' },
        },
      },
    });
    compute = createComputeAdapter({
      DEV: {
        region: REGION,
        ecsEndpoint: cloud.endpoints.ecs,
        elbv2Endpoint: cloud.endpoints.elbv2,
        credentials: CREDENTIALS,
      },
    });
  };
  const albPort = () => new URL(cloud.endpoints.alb).port;
  const visit = (path = '/') => get(cloud.endpoints.alb, `${host}:${albPort()}`, path);
  const steadyWith = (count: number) =>
    eventually(async () => {
      const snapshot = await compute.describeService(service);
      return snapshot.steady && snapshot.runningCount === count ? snapshot : undefined;
    }, 120_000);
  const workersAnswering = async (visits: number) => {
    const ports = new Set<string>();
    for (let i = 0; i < visits; i++) {
      const answer = await visit('/wp-login.php');
      expect(answer.status).toBe(200);
      ports.add(String(answer.headers['x-bbws-worker']));
    }
    return ports;
  };

  beforeAll(() => ensureRuntimePackages(), 15 * 60_000);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bbws-cloud-spec-'));
    queueUrl =
      (await sqs.send(new CreateQueueCommand({ QueueName: `cloud-events-${randomUUID()}` }))).QueueUrl ?? '';
    options = {
      dataDir,
      environments,
      gitopsToken: TOKEN,
      region: REGION,
      events: { queueUrl, sqs },
      mariadbEphemeral: true,
      mariadbTemplateCacheDir: tmpdir(),
      healthCheckIntervalMs: 500,
      pollIntervalMs: 50,
    };
    cloud = await startLocalCloud(options);
    connect();
  });

  afterAll(async () => {
    compute?.destroy();
    await cloud?.stop();
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl })).catch(() => undefined);
    sqs.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('applies committed Terraform: the run succeeds, the service reaches steady state, the network answers', async () => {
    const commit = await gitops.commitInstance({
      environment: 'DEV',
      slug,
      files: { ...devTerraform(slug, 100) },
      operationId: 'op-provision',
      message: `Provision ${slug}`,
    });
    expect(commit.created).toBe(true);

    const run = await runWorkflow(gitops, slug, 'apply', 'op-provision');
    expect(run.conclusion).toBe('success');
    const page = await fetch(run.htmlUrl).then((response) => response.text());
    expect(page).toContain('Apply complete! Resources: 5 added, 0 changed, 0 destroyed.');

    const snapshot = await steadyWith(1);
    expect(snapshot).toMatchObject({ status: 'ACTIVE', desiredCount: 1, runningCount: 1 });
    const steadyEvent = await eventually(async () => {
      const messages = await probe.receive(queueUrl, { max: 10, waitSeconds: 1 });
      return messages
        .map(
          (message) =>
            JSON.parse(message.Body ?? '{}') as { detail?: { eventName?: string }; resources?: string[] },
        )
        .find((event) => event.detail?.eventName === 'SERVICE_STEADY_STATE');
    }, 30_000);
    expect(steadyEvent.resources?.[0]).toMatch(/:service\/dev-cluster\/dev-acme-service$/);

    const front = await visit('/');
    expect(front.status).toBe(200);
    expect(front.body).toContain(`<title>${slug}`);
    expect(front.headers['x-bbws-worker']).toBeDefined();
    expect(existsSync(join(dataDir, 'instances', 'dev', slug, 'wp-config.php'))).toBe(true);
    expect(await cloud.mariadb!.listDatabases()).toContain('acme_dev_db');
  });

  it('a second apply changes nothing and keeps the desired count the runtime set', async () => {
    await compute.setDesiredCount(service, 3);
    const run = await runWorkflow(gitops, slug, 'apply', 'op-reapply');
    expect(run.conclusion).toBe('success');
    expect(await fetch(run.htmlUrl).then((response) => response.text())).toContain(
      'Apply complete! Resources: 0 added, 0 changed, 0 destroyed.',
    );
    await steadyWith(3);
    expect((await workersAnswering(6)).size).toBe(3);
  });

  it('a restart on the same data directory keeps the repository, runs, service and rule, and brings the workers back', async () => {
    const before = await gitops.findRun({ environment: 'DEV', operationId: 'op-provision' });
    const sameRun = ({ id, status, conclusion, createdAt }: NonNullable<typeof before>) => ({
      id,
      status,
      conclusion,
      createdAt,
    });
    compute.destroy();
    await cloud.stop();
    cloud = await startLocalCloud(options);
    connect();

    const after = await gitops.findRun({ environment: 'DEV', operationId: 'op-provision' });
    expect(sameRun(after!)).toEqual(sameRun(before!));
    await steadyWith(3);
    await eventually(async () => (await visit('/wp-login.php')).status === 200, 30_000);
    expect((await workersAnswering(6)).size).toBe(3);
  });

  it('ModifyRule to the maintenance response answers 503 with the page, and back to forwarding serves the site', async () => {
    const rule = await compute.findRuleByHost('DEV', environments.DEV.listenerArn, host);
    expect(rule?.hosts).toEqual([host, `*.${host}`]);
    const ref = { environment: 'DEV' as const, ruleArn: rule!.ruleArn };
    const { previousTargetGroupArn } = await compute.enterMaintenance(ref, {
      title: 'Down for maintenance',
      message: 'Back soon.',
    });
    const down = await visit('/');
    expect(down.status).toBe(503);
    expect(down.body).toContain('Back soon.');
    await compute.leaveMaintenance(ref, previousTargetGroupArn);
    expect((await visit('/')).status).toBe(200);
  });

  it('a broken .tf committed fails the run, with the parse error in the failure excerpt', async () => {
    await gitops.commitInstance({
      environment: 'DEV',
      slug: 'broken',
      files: { ...devTerraform('broken', 101), 'main.tf': 'module "wordpress_instance" {\n  source = \n' },
      operationId: 'op-broken',
      message: 'Provision broken',
    });
    const run = await runWorkflow(gitops, 'broken', 'apply', 'op-broken');
    expect(run.conclusion).toBe('failure');
    const excerpt = await gitops.failureExcerpt('DEV', run.id);
    expect(excerpt?.stepName).toBe('Terraform validate');
    expect(excerpt?.lines.join('\n')).toContain('tenants/broken/main.tf');
    expect(cloud.plane.route('broken.dev.localhost')).toBeUndefined();
    // The runner validates every .tf of the commit, so the broken folder goes before the next run.
    await gitops.removeInstance({
      environment: 'DEV',
      slug: 'broken',
      operationId: 'op-unbreak',
      message: 'Remove broken',
    });
  });

  it('destroy removes the service and rule (404 for the host), the database and the files; a second destroy changes nothing', async () => {
    const run = await runWorkflow(gitops, slug, 'destroy', 'op-destroy');
    expect(run.conclusion).toBe('success');
    expect(await fetch(run.htmlUrl).then((response) => response.text())).toContain(
      'Destroy complete! Resources: 5 destroyed.',
    );
    expect((await visit('/')).status).toBe(404);
    expect((await compute.describeService(service)).status).toBe('MISSING');
    expect(await cloud.mariadb!.listDatabases()).not.toContain('acme_dev_db');
    expect(existsSync(join(dataDir, 'instances', 'dev', slug))).toBe(false);

    const again = await runWorkflow(gitops, slug, 'destroy', 'op-destroy-again');
    expect(again.conclusion).toBe('success');
    expect(await fetch(again.htmlUrl).then((response) => response.text())).toContain(
      'No changes. No objects need to be destroyed.',
    );
  });
});
