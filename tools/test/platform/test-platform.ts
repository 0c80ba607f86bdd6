/* eslint-disable @nx/enforce-module-boundaries -- the test platform runs the real front door in-process */
import type { TableNames } from '@bbws/data-access-dynamo';
import { ensureQueues, createSqsClient } from '@bbws/platform-sqs';
import { LOCAL_API_APPS, type LocalApiApp } from '@bbws/shared-config';
import { newTestUser } from '@bbws/testing-e2e';
import { startSqs, type RunningEngine } from '@bbws/testing-engines';
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
  /** The workers app's address, when workers run. */
  workersUrl?: string;
  /** A platform admin's token (the same admin for the platform's life). */
  adminToken(): Promise<string>;
  /** A token for the user with this email (the same user id for the same email). */
  userToken(email: string): Promise<string>;
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

  const running: ListeningApp[] = [];
  let frontDoor: FastifyInstance | undefined;
  const close = async () => {
    await frontDoor?.close();
    await Promise.all(running.map(({ app }) => app.close()));
    await sqs.stop();
  };
  try {
    const apps = await Promise.all(LOCAL_API_APPS.map((name) => listen(name, ...API_APP_BOOTS[name](env))));
    running.push(...apps);
    const serviceUrls = Object.fromEntries(apps.map(({ name, url }) => [name, url])) as Record<
      LocalApiApp,
      string
    >;
    const workers = options.workers?.length ? await startPlatformWorkers(options.workers, env) : undefined;
    if (workers) running.push(workers);
    frontDoor = await buildFrontDoor({
      upstreams: serviceUrls,
      identity: { issuer: env.AUTH_ISSUER ?? '', jwks: () => ({ keys: [] }) },
      logLevel: 'silent',
    });
    await frontDoor.listen({ host: '127.0.0.1', port: 0 });
    const address = frontDoor.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const admin = newTestUser({ platformAdmin: true, name: 'Platform Admin' });
    const users = new Map<string, Promise<string>>();
    return {
      url: `http://127.0.0.1:${port}`,
      serviceUrls,
      workersUrl: workers?.url,
      adminToken: async () => (await admin).token,
      userToken: (email) => {
        const key = email.toLowerCase();
        if (!users.has(key))
          users.set(
            key,
            newTestUser({ email }).then((user) => user.token),
          );
        return users.get(key) as Promise<string>;
      },
      tables: loadTenantsApiConfig(env).tables,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
