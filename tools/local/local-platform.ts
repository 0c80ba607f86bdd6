import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoClient, defaultTableNames, ensureTables } from '@bbws/data-access-dynamo';
import { LocalSigningKey } from '@bbws/integrations-identity';
import { LocalS3Server } from '@bbws/integrations-local-artifacts';
import { ensureQueues } from '@bbws/platform-sqs';
import {
  OrphanGuard,
  isPortFree,
  startDynamoLocal,
  startSqs,
  type RunningEngine,
} from '@bbws/testing-engines';
import type { LocalCloud } from '@bbws/integrations-local-cloud';
import { AppProcess } from './app-process';
import { ensureCursorSecret, ensureGitOpsToken } from './data-dir';
import { startPlatformCloud } from './local-cloud.runner';
import {
  ALB_PORT,
  COMPUTE_PORT,
  DYNAMODB_PORT,
  FRONT_DOOR_PORT,
  GITHUB_PORT,
  LOCAL_ARTIFACTS_BUCKET,
  LOCAL_CLOUD_URLS,
  LOCAL_CREDENTIALS,
  LOCAL_HOST,
  LOCAL_REGION,
  LOCAL_STAGE,
  MARIADB_PORT,
  S3_PORT,
  SQS_PORT,
  appEnvironment,
  type LocalApp,
} from './local-platform.config';

export interface BuiltApp extends LocalApp {
  main: string;
}

export interface LocalPlatformOptions {
  root: string;
  dataDir: string;
  apps: BuiltApp[];
  frontDoorMain: string;
  streamLogs: boolean;
  progress: (line: string) => void;
}

const READY_TIMEOUT_MS = 120_000;

/** The running parts of `npm start`, stopped in reverse order (apps first, then the engines). */
export class LocalPlatform {
  private readonly guard = new OrphanGuard();
  private readonly engines: RunningEngine[] = [];
  private readonly apps: AppProcess[] = [];
  private cloud?: LocalCloud;
  private stopping = false;

  constructor(private readonly options: LocalPlatformOptions) {}

  get logDir(): string {
    return path.join(this.options.dataDir, 'logs');
  }

  async assertPortsFree(): Promise<void> {
    const ports: Array<[number, string]> = [
      [FRONT_DOOR_PORT, 'front door'],
      [DYNAMODB_PORT, 'DynamoDB Local'],
      [SQS_PORT, 'SQS'],
      [S3_PORT, 'S3 (artifacts)'],
      [GITHUB_PORT, 'GitHub-compatible API'],
      [COMPUTE_PORT, 'ECS/ELBv2 endpoint'],
      [ALB_PORT, 'ALB proxy'],
      [MARIADB_PORT, 'MariaDB'],
      ...this.options.apps.map((app): [number, string] => [app.port, app.name]),
    ];
    for (const [port, owner] of ports) {
      if (!(await isPortFree(port))) {
        throw new Error(`port ${port} (${owner}) is already in use: is another \`npm start\` running?`);
      }
    }
  }

  /**
   * SQS, the artifacts S3 server and the identity key first (instant), then the apps boot while
   * DynamoDB Local (the slow part) starts and gets its tables and the local cloud (MariaDB, the data
   * plane, the GitHub-compatible API, the ALB proxy) starts; resolves once every app answers
   * /health and /ready and the local cloud is up.
   */
  async start(): Promise<void> {
    const { dataDir, progress } = this.options;
    await mkdir(this.logDir, { recursive: true });
    const started = Date.now();
    const sqs = this.keep(await startSqs({ port: SQS_PORT, region: LOCAL_REGION }));
    const [cursorSecret, gitopsToken] = await Promise.all([
      ensureCursorSecret(dataDir),
      ensureGitOpsToken(dataDir),
      LocalSigningKey.loadOrCreate(dataDir),
      withSqs(sqs.endpoint),
      this.startArtifacts(),
    ]);
    const database = startDynamoLocal({
      port: DYNAMODB_PORT,
      dbPath: path.join(dataDir, 'dynamodb'),
      log: progress,
    }).then(async (dynamo) => {
      this.keep(dynamo);
      await withTables(dynamo.endpoint);
      progress(`DynamoDB Local and tables ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    const cloud = startPlatformCloud({ dataDir, sqsEndpoint: sqs.endpoint, gitopsToken, progress }).then(
      async (started) => {
        this.cloud = started;
        if (this.stopping) await this.stopCloud();
      },
    );
    if (!this.stopping) this.startApps({ cursorSecret, gitopsToken });
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await Promise.all([database, cloud, ...this.apps.map((app) => app.waitUntilReady(deadline))]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.apps.map((app) => app.stop()));
    await this.stopCloud();
    await Promise.all(this.engines.map((engine) => engine.stop()));
    this.guard.dispose();
  }

  private async stopCloud(): Promise<void> {
    const cloud = this.cloud;
    this.cloud = undefined;
    await cloud?.stop();
  }

  private startApps(secrets: { cursorSecret: string; gitopsToken: string }): void {
    const { apps, frontDoorMain, root, streamLogs, progress } = this.options;
    const env = appEnvironment(this.options.dataDir, secrets);
    const upstreams = apps
      .filter((app) => app.hasDocs)
      .map((app) => `${app.name}=http://${LOCAL_HOST}:${app.port}`);
    const specs = [
      ...apps.map((app) => ({ name: app.name, main: app.main, port: app.port, env })),
      {
        name: 'front-door',
        main: frontDoorMain,
        port: FRONT_DOOR_PORT,
        env: { ...env, FRONT_DOOR_UPSTREAMS: upstreams.join(','), FRONT_DOOR_ALB_URL: LOCAL_CLOUD_URLS.alb },
      },
    ];
    for (const spec of specs) {
      const logFile = path.join(this.logDir, `${spec.name}.log`);
      const app = AppProcess.start({ ...spec, cwd: root, logFile, streamLogs }, this.guard);
      this.apps.push(app);
      app.onExit(() => {
        if (!this.stopping)
          progress(`${spec.name} stopped unexpectedly (${app.exitDescription}); see ${logFile}`);
      });
    }
  }

  private async startArtifacts(): Promise<void> {
    const artifacts = await LocalS3Server.start({
      port: S3_PORT,
      host: LOCAL_HOST,
      directory: path.join(this.options.dataDir, 'artifacts'),
      buckets: [LOCAL_ARTIFACTS_BUCKET],
      credentials: [
        {
          accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
          secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
        },
      ],
    });
    this.keep(artifacts);
  }

  private keep<T extends RunningEngine>(engine: T): T {
    this.engines.push(engine);
    if (this.stopping) void engine.stop();
    return engine;
  }
}

async function withTables(endpoint: string): Promise<void> {
  const client = createDynamoClient({ region: LOCAL_REGION, endpoint });
  try {
    await ensureTables(client, defaultTableNames(LOCAL_STAGE));
  } finally {
    client.destroy();
  }
}

async function withSqs(endpoint: string): Promise<void> {
  const credentials = {
    accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
    secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
  };
  const client = new SQSClient({ region: LOCAL_REGION, endpoint, credentials });
  try {
    await ensureQueues(client, LOCAL_STAGE);
  } finally {
    client.destroy();
  }
}
