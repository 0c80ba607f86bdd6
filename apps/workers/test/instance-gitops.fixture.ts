import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { InstanceDao, type Instance, type InstanceStatus } from '@bbws/data-access-instances';
import {
  LocalGitHubServer,
  type TerraformAction,
  type TerraformApplier,
  type TerraformApplyInput,
} from '@bbws/integrations-local-gitops';
import type { HostingEnvironment, MessageContract, Operation } from '@bbws/shared-contracts';
import { eventually } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { ComputeTestPlane, buildInstance } from '@bbws/testing-instances';
import { QUEUE_WORKER_NAMES } from '../src/runtime/worker-registry';
import { launchInstanceOperation } from './instance-operation.launch';
import { startWorkersApp, type WorkersAppFixture } from './workers-app.fixture';

const run = promisify(execFile);
const TEMPLATE_DIR = resolve(__dirname, '../../../tools/gitops-template');
const TOKEN = 'workers-gitops-test-token';

/**
 * What `terraform apply|destroy` does locally: the instance registered on (or removed from) the
 * compute test plane from the committed tfvars. `hold()` keeps runs in progress; `failWith` fails them.
 */
export class DataPlaneApplier implements TerraformApplier {
  readonly calls: Array<{ action: TerraformAction } & TerraformApplyInput> = [];
  failWith?: string;
  private gate?: Promise<void>;
  private open?: () => void;

  constructor(private readonly compute: ComputeTestPlane) {}

  hold(): void {
    this.gate = new Promise((done) => (this.open = done));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  plan(input: TerraformApplyInput) {
    return this.record('plan', input);
  }

  async apply(input: TerraformApplyInput) {
    const log = await this.record('apply', input);
    const vars = input.variables;
    await this.compute.plane.registerInstance({
      environment: input.environment as HostingEnvironment,
      slug: input.slug,
      hosts: [`${input.slug}.${String(vars.domain_suffix)}`],
      priority: Number(vars.listener_rule_priority),
      desiredCount: Number(vars.desired_count),
    });
    return log;
  }

  async destroy(input: TerraformApplyInput) {
    const log = await this.record('destroy', input);
    await this.compute.plane.deregisterInstance({
      environment: input.environment as HostingEnvironment,
      slug: input.slug,
    });
    return log;
  }

  private async record(action: TerraformAction, input: TerraformApplyInput) {
    this.calls.push({ action, ...input });
    await this.gate;
    if (this.failWith) throw new Error(this.failWith);
    return { log: [`${action} of ${input.slug} complete`] };
  }
}

export interface InstanceGitOpsFixture {
  fx: WorkersAppFixture;
  compute: ComputeTestPlane;
  github: LocalGitHubServer;
  applier: DataPlaneApplier;
  instances: InstanceDao;
  /** A PENDING_PROVISIONING instance of a new PENDING tenant, routed on the plane's DEV listener. */
  seedInstance(overrides?: Partial<Instance>): Promise<Instance>;
  /** What instances-api does: the instance's new status, the operation and its lock in one transaction. */
  launch<P extends object>(
    instance: Instance,
    contract: MessageContract<P>,
    to: InstanceStatus,
    payload: P,
  ): Promise<Operation>;
  finished(operationId: string): Promise<Operation>;
  reload(instance: Instance): Promise<Instance>;
  /** Commits on the environment's branch touching the instance's folder, newest first. */
  commitsOf(instance: Instance): Promise<string[]>;
  dispatchesOf(operationId: string): number;
  close(): Promise<void>;
}

/** The workers app with the instance workers against the compute test plane and a local GitHub server. */
export async function startInstanceGitOps(
  workers: string,
  env: Record<string, string> = {},
): Promise<InstanceGitOpsFixture> {
  const compute = await new ComputeTestPlane().start();
  const dataDir = await mkdtemp(join(tmpdir(), 'bbws-workers-gitops-'));
  const applier = new DataPlaneApplier(compute);
  const github = new LocalGitHubServer({
    dataDir,
    token: TOKEN,
    repositories: { DEV: { owner: 'bbws', repo: 'gitops-dev', branch: 'main' } },
    applier,
    templateDir: TEMPLATE_DIR,
  });
  await github.start();
  const listenerArn = compute.plane.listenerArn('DEV');
  const fx = await startWorkersApp({
    WORKERS: workers,
    BBWS_DATA_DIR: dataDir,
    ECS_ENDPOINT: compute.server.endpoint,
    ELBV2_ENDPOINT: compute.server.endpoint,
    GITOPS_BASE_URL: github.baseUrl,
    GITOPS_TOKEN: TOKEN,
    HOSTING_ENVIRONMENTS: JSON.stringify({
      DEV: { listenerArn, gitops: { repository: 'bbws/gitops-dev', branch: 'main' } },
    }),
    INSTANCE_POLL_INTERVAL_MS: '25',
    INSTANCE_CONVERGENCE_TIMEOUT_MS: '3000',
    INSTANCE_WORKFLOW_TIMEOUT_MS: '5000',
    WORKER_QUEUES: JSON.stringify(
      Object.fromEntries(
        workers
          .split(',')
          .filter((name) => (QUEUE_WORKER_NAMES as readonly string[]).includes(name))
          .map((name) => [name, { visibilityTimeoutSeconds: 10 }]),
      ),
    ),
    ...env,
  });
  const instances = new InstanceDao(testDynamoContext());
  return {
    fx,
    compute,
    github,
    applier,
    instances,
    async seedInstance(overrides = {}) {
      const tenant = await fx.seedTenant();
      const instance = buildInstance({
        tenantId: tenant.tenantId,
        status: 'PENDING_PROVISIONING',
        ...overrides,
      });
      const seeded = buildInstance({ ...instance, resources: { ...instance.resources, listenerArn } });
      await instances.create(seeded);
      return seeded;
    },
    launch: (instance, contract, to, payload) =>
      launchInstanceOperation(fx.launcher, instances, instance, { contract, to, payload }),
    finished: (operationId) =>
      eventually(async () => {
        const operation = await fx.operations.get(operationId);
        return operation && ['COMPLETED', 'FAILED'].includes(operation.status) ? operation : undefined;
      }, 30_000),
    reload: async (instance) => (await instances.get(instance.tenantId, instance.environment))!,
    async commitsOf(instance) {
      const { stdout } = await run('git', [
        '-C',
        github.repositoryDir('DEV'),
        'log',
        '--format=%H',
        'main',
        '--',
        `tenants/${instance.slug}`,
      ]);
      return stdout.split('\n').filter(Boolean);
    },
    dispatchesOf: (operationId) =>
      github.requests.filter(
        (request) =>
          request.path.endsWith('/dispatches') &&
          (request.body as { inputs?: { operation_id?: string } }).inputs?.operation_id === operationId,
      ).length,
    async close() {
      applier.release();
      await fx.close();
      await github.stop();
      await compute.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Records every status the instance goes through until stopped (consistent reads, back to back). */
export function watchStatuses(instances: InstanceDao, instance: Instance) {
  const seen: InstanceStatus[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const current = await instances.get(instance.tenantId, instance.environment);
      if (current && seen.at(-1) !== current.status) seen.push(current.status);
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await loop;
      return seen;
    },
  };
}
