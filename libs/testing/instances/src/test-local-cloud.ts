import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ComputeConfig } from '@bbws/integrations-compute';
import type { GitOpsRepositoryConfig } from '@bbws/integrations-gitops';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '@bbws/integrations-local-cloud';
import { ensureRuntimePackages } from '@bbws/integrations-local-wordpress';
import { loadHostingEnvironments, type HostingEnvironments } from '@bbws/shared-config';
import { queueName } from '@bbws/shared-contracts';

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_GITOPS_TOKEN = 'local-cloud-test-token';

export interface TestLocalCloud {
  cloud: LocalCloud;
  /** The cloud's data directory (instances, secrets, repositories): the workers' BBWS_DATA_DIR. */
  dataDir: string;
  environments: HostingEnvironments;
  /** Where the data plane's ECS events go (the test stage's instance-events queue by default). */
  eventsQueueUrl: string;
  /** The production GitOps adapter's config for each environment, against the local GitHub server. */
  gitops: Record<string, GitOpsRepositoryConfig>;
  /** The production compute adapter's config for each environment, against the control endpoint. */
  compute: ComputeConfig;
  /** What the workers app reads to use this cloud (endpoints, token, data directory). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The local cloud on random ports and a temp data directory, with real MariaDB, PHP and WordPress
 * (installed first when missing), its ECS events on the Jest global setup's SQS. `overrides` may set
 * e.g. `events` (another queue) or `pollIntervalMs`.
 */
export async function startTestLocalCloud(
  overrides: Partial<LocalCloudOptions> = {},
): Promise<TestLocalCloud> {
  await ensureRuntimePackages();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-local-cloud-'));
  const sqs = new SQSClient({ region: REGION, endpoint: process.env.SQS_ENDPOINT, credentials: CREDENTIALS });
  try {
    const eventsQueueUrl =
      overrides.events?.queueUrl ??
      (await sqs.send(new GetQueueUrlCommand({ QueueName: queueName('instance-events', 'test') })))
        .QueueUrl ??
      '';
    const environments = loadHostingEnvironments({}, 'test', REGION);
    const cloud = await startLocalCloud({
      dataDir,
      environments,
      gitopsToken: TEST_GITOPS_TOKEN,
      region: REGION,
      events: { queueUrl: eventsQueueUrl, sqs },
      mariadbEphemeral: true,
      mariadbTemplateCacheDir: tmpdir(),
      healthCheckIntervalMs: 1_000,
      pollIntervalMs: 50,
      ...overrides,
    });
    const gitops = Object.fromEntries(
      Object.values(environments).map((environment) => {
        const [owner, repo] = environment.gitops.repository.split('/');
        const config: GitOpsRepositoryConfig = {
          baseUrl: cloud.endpoints.github,
          token: TEST_GITOPS_TOKEN,
          owner,
          repo,
          branch: environment.gitops.branch,
          workflowFile: 'deploy-tenant.yml',
          author: { name: 'BBWS Platform', email: 'platform@bbws.local' },
        };
        return [environment.environment, config];
      }),
    );
    const compute: ComputeConfig = Object.fromEntries(
      Object.values(environments).map((environment) => [
        environment.environment,
        {
          region: REGION,
          ecsEndpoint: cloud.endpoints.ecs,
          elbv2Endpoint: cloud.endpoints.elbv2,
          credentials: CREDENTIALS,
        },
      ]),
    );
    return {
      cloud,
      dataDir,
      environments,
      eventsQueueUrl,
      gitops,
      compute,
      env: {
        BBWS_DATA_DIR: dataDir,
        ECS_ENDPOINT: cloud.endpoints.ecs,
        ELBV2_ENDPOINT: cloud.endpoints.elbv2,
        GITOPS_BASE_URL: cloud.endpoints.github,
        GITOPS_TOKEN: TEST_GITOPS_TOKEN,
      },
      async stop() {
        await cloud.stop();
        sqs.destroy();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    sqs.destroy();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
