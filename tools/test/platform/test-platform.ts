/* eslint-disable @nx/enforce-module-boundaries -- the test platform runs the real front door in-process */
import type { TableNames } from '@bbws/data-access-dynamo';
import { LocalUserDirectory } from '@bbws/integrations-identity';
import { ensureQueues, createSqsClient } from '@bbws/platform-sqs';
import { LOCAL_API_APPS, type LocalApiApp } from '@bbws/shared-config';
import { newTestUser } from '@bbws/testing-e2e';
import { signTestToken, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import type { FastifyInstance } from 'fastify';
import { buildFrontDoor } from '../../../apps/front-door/src/front-door.app';
import { loadTenantsApiConfig } from '../../../apps/tenants-api/src/config/tenants-api.config';
import type { WorkerName } from '../../../apps/workers/src/config/workers.config';
import { API_APP_BOOTS, listen, type ListeningApp } from './platform-apps';
import { startPlatformWorkers } from './platform-workers';

export interface TestPlatformOptions {
  /** Workers to run in-process (apps/workers' WORKERS names), e.g. ['tenant-events']; none by default. */
  workers?: WorkerName[];
  /** Extra environment for every app (config overrides). */
  env?: Record<string, string>;
}

export interface TestPlatform {
  /** The front door: every API route on one port, as `npm start` serves it. */
  url: string;
  /** Each API app's own address (what `createBbwsClient({ serviceUrls })` takes). */
  serviceUrls: Record<LocalApiApp, string>;
  /** The workers app's address, while workers run. */
  workersUrl?: string;
  /**
   * Starts the workers app with these workers (stopping one already running), e.g. after accepting
   * operations that must wait: until then they stay PENDING on the platform's queues.
   */
  startWorkers(workers: WorkerName[]): Promise<void>;
  /** Stops the workers app (drains what it runs); messages sent meanwhile wait on the queues. */
  stopWorkers(): Promise<void>;
  /** A platform admin's token (the same admin for the platform's life). */
  adminToken(): Promise<string>;
  /**
   * A token for the user with this email, who is put in the local identity directory first (what
   * `npm run token -- --email` does), so members can be added by email. The same user for the same email.
   */
  userToken(email: string, name?: string): Promise<string>;
  tables: TableNames;
  close(): Promise<void>;
}

/**
 * The six API apps, the front door and (optionally) the workers, in this process on random 127.0.0.1
 * ports over real HTTP. DynamoDB Local is the test run's; SQS is an in-process engine of the platform's
 * own, so workers of another suite never take this platform's messages.
 */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const sqs: RunningEngine = await startSqs({ region: process.env.AWS_REGION });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SQS_ENDPOINT: sqs.endpoint,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ACCESS_CACHE_TTL_MS: '0',
    ...options.env,
  };
  const queues = createSqsClient({ region: env.AWS_REGION ?? 'us-east-1', endpoint: sqs.endpoint });
  await ensureQueues(queues, env.BBWS_STAGE ?? 'test').finally(() => queues.destroy());
  const tables = loadTenantsApiConfig(env).tables;
  const db = testDynamoContext();
  const directory = new LocalUserDirectory(db.client, tables.tenants);

  const running: ListeningApp[] = [];
  let workers: ListeningApp | undefined;
  let frontDoor: FastifyInstance | undefined;
  const stopWorkers = async () => {
    const stopping = workers;
    workers = undefined;
    await stopping?.app.close();
  };
  const close = async () => {
    await frontDoor?.close();
    await stopWorkers();
    await Promise.all(running.map(({ app }) => app.close()));
    await sqs.stop();
    db.client.destroy();
  };
  try {
    const apps = await Promise.all(LOCAL_API_APPS.map((name) => listen(name, ...API_APP_BOOTS[name](env))));
    running.push(...apps);
    const serviceUrls = Object.fromEntries(apps.map(({ name, url }) => [name, url])) as Record<
      LocalApiApp,
      string
    >;
    if (options.workers?.length) workers = await startPlatformWorkers(options.workers, env);
    // The test run's signing keys, served where the local front door serves its own.
    const jwks = (await (await fetch(env.AUTH_JWKS_URL ?? '')).json()) as { keys: object[] };
    frontDoor = await buildFrontDoor({
      upstreams: serviceUrls,
      identity: { issuer: env.AUTH_ISSUER ?? '', jwks: () => jwks },
      logLevel: 'silent',
    });
    await frontDoor.listen({ host: '127.0.0.1', port: 0 });
    const address = frontDoor.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const admin = newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    const users = new Map<string, Promise<string>>();
    const userToken = async (email: string, name?: string) => {
      const user = await directory.ensureUser({ email, name });
      return signTestToken({ sub: user.userId, email: user.email, name: user.name });
    };
    const platform: TestPlatform = {
      url: `http://127.0.0.1:${port}`,
      serviceUrls,
      workersUrl: workers?.url,
      async startWorkers(names) {
        await stopWorkers();
        workers = await startPlatformWorkers(names, env);
        platform.workersUrl = workers.url;
      },
      async stopWorkers() {
        await stopWorkers();
        platform.workersUrl = undefined;
      },
      adminToken: async () => (await admin).token,
      userToken: (email, name) => {
        const key = email.toLowerCase();
        if (!users.has(key)) users.set(key, userToken(email, name));
        return users.get(key) as Promise<string>;
      },
      tables,
      close,
    };
    return platform;
  } catch (error) {
    await close();
    throw error;
  }
}
