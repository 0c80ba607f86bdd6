import {
  LOCAL_PORTS,
  loadConfig,
  loadHostingEnvironments,
  optionalUrl,
  z,
  type HostingEnvironments,
} from '@bbws/shared-config';
import { artifactsBucketName } from '@bbws/integrations-artifacts';
import { computeConfigFor, type ComputeConfig } from '@bbws/integrations-compute';
import type { GitOpsRepositoryConfig } from '@bbws/integrations-gitops';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';
import {
  QUEUE_WORKER_NAMES,
  WORKER_NAMES,
  type QueueWorkerName,
  type WorkerName,
} from '../runtime/worker-registry';

export const WORKERS_PORT = LOCAL_PORTS.workers;

export type { QueueWorkerName, WorkerName };

/** One of `names` (the worker registry's), typed as such. */
const oneOf = <T extends string>(names: readonly T[]) =>
  z.string().refine((name): name is T => (names as readonly string[]).includes(name), {
    message: `must be one of ${names.join(', ')}`,
  });

const queueSettingsSchema = z
  .object({
    concurrency: z.number().int().min(1).max(100).optional(),
    batchSize: z.number().int().min(1).max(10).optional(),
    visibilityTimeoutSeconds: z.number().int().min(1).max(43_200).optional(),
    waitTimeSeconds: z.number().int().min(1).max(20).optional(),
    heartbeatIntervalSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .strict();

export type QueueSettingsOverride = z.infer<typeof queueSettingsSchema>;

const jsonObject = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .string()
    .default('{}')
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const workersEnvSchema = z.object({
  WORKERS: z
    .string()
    .default(WORKER_NAMES.join(','))
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(oneOf(WORKER_NAMES)).min(1)),
  WORKER_ID: z.string().min(1).max(200).optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  WORKER_WAIT_TIME_SECONDS: z.coerce.number().int().min(1).max(20).default(20),
  /** Per-queue overrides, e.g. {"tenant-events":{"concurrency":8,"visibilityTimeoutSeconds":5}}. */
  WORKER_QUEUES: jsonObject(z.record(oneOf(QUEUE_WORKER_NAMES), queueSettingsSchema)),
  WORKER_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(43_200).default(300),
  SWEEPER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  SWEEPER_RESEND_AFTER_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
  /** The purge of soft-deleted PROD sites: how often it looks, and how many sites per look. */
  SITE_PURGE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(300_000),
  SITE_PURGE_BATCH: z.coerce.number().int().min(1).max(100).default(25),
  OPERATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  WEBHOOK_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(43_200).default(21_600),
  WEBHOOK_RETRY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(345_600).default(86_400),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** The local data plane's ECS- and ELBv2-compatible endpoints; unset in the cloud. */
  ECS_ENDPOINT: optionalUrl,
  ELBV2_ENDPOINT: optionalUrl,
  /** How long one attempt waits for ECS to report the wanted task count before retrying later. */
  INSTANCE_CONVERGENCE_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(240_000),
  INSTANCE_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(2_000),
  /** How long one attempt follows a workflow run before retrying later (the operation resumes there). */
  INSTANCE_WORKFLOW_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(600_000),
  INSTANCE_RECONCILER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Instances one reconciler tick looks at per environment and status (and ACTIVE ones refreshed). */
  INSTANCE_RECONCILER_BATCH: z.coerce.number().int().min(1).max(100).default(25),
  /** How long an instance stays unchanged in a transitional status without a running operation before it is FAILED. */
  INSTANCE_RECONCILER_GRACE_MS: z.coerce.number().int().min(0).max(86_400_000).default(120_000),
  /** GitHub's REST API root (or the local GitHub-compatible server) and a token with contents + actions write. */
  GITOPS_BASE_URL: z.string().url().default('https://api.github.com'),
  GITOPS_TOKEN: z.string().min(1).optional(),
  GITOPS_AUTHOR_NAME: z.string().min(1).default('BBWS Platform'),
  GITOPS_AUTHOR_EMAIL: z.string().email().default('platform@bbws.local'),
  GITOPS_WORKFLOW_FILE: z.string().min(1).default('deploy-tenant.yml'),
  /** The Terraform state bucket of each environment; `{env}` is the lower-case environment. */
  TERRAFORM_STATE_BUCKET: z.string().min(3).default('bbws-{env}-terraform-state'),
  ARTIFACTS_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: optionalUrl,
});

export interface QueueWorkerSettings {
  concurrency: number;
  batchSize: number;
  waitTimeSeconds: number;
  visibilityTimeoutSeconds?: number;
  heartbeatIntervalSeconds?: number;
}

export interface WorkersConfig extends PlatformConfig {
  workers: {
    enabled: WorkerName[];
    workerId?: string;
    queues: Record<QueueWorkerName, QueueWorkerSettings>;
    drainTimeoutMs: number;
    retry: { baseSeconds: number; maxSeconds: number };
    sweeper: { intervalMs: number; resendAfterMs: number };
    sitePurge: { intervalMs: number; batchSize: number };
    operationRetentionDays: number;
    webhooks: {
      timeoutMs: number;
      retry: { baseSeconds: number; maxSeconds: number };
      retryWindowSeconds: number;
      disableAfterFailures: number;
      deliveryRetentionDays: number;
      /** Local and test stages may deliver to http and loopback targets. */
      allowLocalTargets: boolean;
    };
  };
  /** Only when an instance worker is enabled: the others run without any hosting-environment config. */
  instances: InstanceWorkersConfig | null;
}

export interface InstanceWorkersConfig {
  environments: HostingEnvironments;
  compute: ComputeConfig;
  convergence: { timeoutMs: number; pollIntervalMs: number };
  workflow: { timeoutMs: number; pollIntervalMs: number };
  reconciler: { intervalMs: number; batchSize: number; graceMs: number };
  /** Per hosting environment; null without GITOPS_TOKEN (the GitOps workers refuse to boot then). */
  gitops: Record<string, GitOpsRepositoryConfig> | null;
  terraformStateBucket: (environment: string) => string;
  artifacts: { bucket: string; endpoint?: string; forcePathStyle: boolean; localCredentials: boolean };
  /** The local runtime's data directory (its instance secrets live under `<dataDir>/secrets`). */
  dataDir: string;
}

const INSTANCE_WORKERS: readonly WorkerName[] = [
  'instance-provision',
  'instance-lifecycle',
  'instance-deprovision',
  'instance-events',
  'instance-reconciler',
  'site-creation',
  'site-update',
  'site-deletion',
];

export function loadWorkersConfig(env: NodeJS.ProcessEnv = process.env): WorkersConfig {
  const platform = loadConfig(platformEnvSchema('workers', WORKERS_PORT), env);
  const own = loadConfig(workersEnvSchema, env);
  const local = platform.stage === 'local' || platform.stage === 'test';
  const queue = (name: QueueWorkerName): QueueWorkerSettings => ({
    concurrency: own.WORKER_CONCURRENCY,
    batchSize: 1,
    waitTimeSeconds: own.WORKER_WAIT_TIME_SECONDS,
    ...own.WORKER_QUEUES[name],
  });
  return {
    ...platform,
    workers: {
      enabled: own.WORKERS,
      workerId: own.WORKER_ID,
      queues: Object.fromEntries(QUEUE_WORKER_NAMES.map((name) => [name, queue(name)])) as Record<
        QueueWorkerName,
        QueueWorkerSettings
      >,
      drainTimeoutMs: own.WORKER_DRAIN_TIMEOUT_MS,
      retry: { baseSeconds: own.RETRY_BASE_SECONDS, maxSeconds: own.RETRY_MAX_SECONDS },
      sweeper: { intervalMs: own.SWEEPER_INTERVAL_MS, resendAfterMs: own.SWEEPER_RESEND_AFTER_MS },
      sitePurge: { intervalMs: own.SITE_PURGE_INTERVAL_MS, batchSize: own.SITE_PURGE_BATCH },
      operationRetentionDays: own.OPERATION_RETENTION_DAYS,
      webhooks: {
        timeoutMs: own.WEBHOOK_TIMEOUT_MS,
        retry: { baseSeconds: own.WEBHOOK_RETRY_BASE_SECONDS, maxSeconds: own.WEBHOOK_RETRY_MAX_SECONDS },
        retryWindowSeconds: own.WEBHOOK_RETRY_WINDOW_SECONDS,
        disableAfterFailures: own.WEBHOOK_DISABLE_AFTER_FAILURES,
        deliveryRetentionDays: own.WEBHOOK_DELIVERY_RETENTION_DAYS,
        allowLocalTargets: local,
      },
    },
    instances: own.WORKERS.some((name) => INSTANCE_WORKERS.includes(name))
      ? instanceWorkersConfig(env, platform, own, local)
      : null,
  };
}

function instanceWorkersConfig(
  env: NodeJS.ProcessEnv,
  platform: PlatformConfig,
  own: z.infer<typeof workersEnvSchema>,
  local: boolean,
): InstanceWorkersConfig {
  const environments = loadHostingEnvironments(env, platform.stage);
  return {
    environments,
    compute: computeConfigFor(environments, {
      ecsEndpoint: own.ECS_ENDPOINT,
      elbv2Endpoint: own.ELBV2_ENDPOINT,
      signWithDummyCredentials: local,
    }),
    convergence: {
      timeoutMs: own.INSTANCE_CONVERGENCE_TIMEOUT_MS,
      pollIntervalMs: own.INSTANCE_POLL_INTERVAL_MS,
    },
    workflow: { timeoutMs: own.INSTANCE_WORKFLOW_TIMEOUT_MS, pollIntervalMs: own.INSTANCE_POLL_INTERVAL_MS },
    reconciler: {
      intervalMs: own.INSTANCE_RECONCILER_INTERVAL_MS,
      batchSize: own.INSTANCE_RECONCILER_BATCH,
      graceMs: own.INSTANCE_RECONCILER_GRACE_MS,
    },
    gitops: own.GITOPS_TOKEN ? gitOpsRepositories(environments, own, own.GITOPS_TOKEN) : null,
    terraformStateBucket: (environment) =>
      own.TERRAFORM_STATE_BUCKET.replaceAll('{env}', environment.toLowerCase()),
    artifacts: {
      bucket: own.ARTIFACTS_BUCKET ?? artifactsBucketName(platform.stage),
      endpoint: own.S3_ENDPOINT,
      forcePathStyle: Boolean(own.S3_ENDPOINT),
      localCredentials: local,
    },
    dataDir: platform.dataDir,
  };
}

/** Repository owner/name and branch come from the hosting environments; the rest is shared. */
function gitOpsRepositories(
  environments: HostingEnvironments,
  own: z.infer<typeof workersEnvSchema>,
  token: string,
): Record<string, GitOpsRepositoryConfig> {
  return Object.fromEntries(
    Object.values(environments).map((environment) => {
      const [owner, repo] = environment.gitops.repository.split('/');
      return [
        environment.environment,
        {
          baseUrl: own.GITOPS_BASE_URL,
          token,
          owner,
          repo,
          branch: environment.gitops.branch,
          workflowFile: own.GITOPS_WORKFLOW_FILE,
          author: { name: own.GITOPS_AUTHOR_NAME, email: own.GITOPS_AUTHOR_EMAIL },
        },
      ];
    }),
  );
}
