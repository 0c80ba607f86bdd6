import path from 'node:path';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startLocalCloud, type LocalCloud, type LocalCloudPorts } from '@bbws/integrations-local-cloud';
import { ensureRuntimePackages } from '@bbws/integrations-local-wordpress';
import { loadHostingEnvironments } from '@bbws/shared-config';
import { queueName } from '@bbws/shared-contracts';
import {
  ALB_PORT,
  COMPUTE_PORT,
  GITHUB_PORT,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  LOCAL_STAGE,
  MARIADB_PORT,
} from './local-platform.config';

export interface PlatformCloudOptions {
  dataDir: string;
  sqsEndpoint: string;
  gitopsToken: string;
  progress: (line: string) => void;
  /** The fixed ports of LOCAL_SERVICE_PORTS by default. */
  ports?: LocalCloudPorts;
  /** Whose instance-events queue gets the ECS events (the local stage's by default). */
  stage?: string;
}

const FIXED_PORTS: LocalCloudPorts = {
  github: GITHUB_PORT,
  compute: COMPUTE_PORT,
  alb: ALB_PORT,
  mariadb: MARIADB_PORT,
};

/**
 * The local cloud of `npm start`, in the platform process beside the engines: MariaDB and the PHP
 * workers are child processes of their own already, and the rest (GitHub-compatible API, ECS/ELBv2
 * endpoint, ALB proxy) are small HTTP servers that share the platform's lifecycle. Installs the
 * WordPress runtime's OS packages when it can; without them the platform still starts and
 * provisioning fails with LOCAL_RUNTIME_MISSING.
 */
export async function startPlatformCloud(options: PlatformCloudOptions): Promise<LocalCloud> {
  const { dataDir, progress } = options;
  const started = Date.now();
  await ensureRuntimePackages().catch((error: Error) => progress(`local data plane: ${error.message}`));
  const sqs = new SQSClient({
    region: LOCAL_REGION,
    endpoint: options.sqsEndpoint,
    credentials: {
      accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    },
  });
  try {
    const { QueueUrl: queueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: queueName('instance-events', options.stage ?? LOCAL_STAGE) }),
    );
    const cloud = await startLocalCloud({
      dataDir,
      environments: loadHostingEnvironments(process.env, LOCAL_STAGE, LOCAL_REGION),
      gitopsToken: options.gitopsToken,
      region: LOCAL_REGION,
      events: { queueUrl: queueUrl ?? '', sqs },
      ports: options.ports ?? FIXED_PORTS,
      onError: (error, context) =>
        progress(
          `local data plane: ${context} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
    progress(
      cloud.missingRuntime
        ? `local data plane started without WordPress (instances fail with LOCAL_RUNTIME_MISSING): ${cloud.missingRuntime.message}`
        : `local data plane ready in ${((Date.now() - started) / 1000).toFixed(1)} s (MariaDB data in ${path.join(dataDir, 'mariadb')})`,
    );
    return {
      ...cloud,
      stop: async () => {
        await cloud.stop();
        sqs.destroy();
      },
    };
  } catch (error) {
    sqs.destroy();
    throw error;
  }
}
