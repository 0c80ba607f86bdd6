import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { OperationDao, WebhookDao, WebhookDeliveryDao, type Webhook } from '@bbws/data-access-operations';
import { TenantDao, type Tenant } from '@bbws/data-access-tenants';
import { OperationLauncher } from '@bbws/platform-operations';
import {
  EventPublisher,
  MessageProducer,
  QueueDirectory,
  createSqsClient,
  ensureQueues,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { WebhookEventType } from '@bbws/shared-contracts';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { startTestApi, type TestApi } from '@bbws/testing-e2e';
import { buildAuditEvent, buildTenant, testDynamoContext } from '@bbws/testing-factories';
import { buildWebhook } from '@bbws/testing-operation-factories';
import { loadWorkersConfig } from '../src/config/workers.config';
import type { FanOutOptions } from '../src/tenant-events/tenant-instances.fan-out';
import type { TenantInstancesLifecycle } from '../src/tenant-events/tenant-instances.port';
import { WORKERS_DESCRIPTION } from '../src/openapi';
import { WorkersModule } from '../src/workers.module';
import { startLocalSqs, type LocalSqs } from './local-sqs.server';

const silentLogger = createLogger({ name: 'workers-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface WorkersAppFixture {
  api: TestApi;
  /** What SIGTERM does to the process: close the app, which drains the consumers. */
  stopApp(): Promise<void>;
  /** Starts the app again on the same queues (a new worker process). */
  startApp(env?: Record<string, string>): Promise<void>;
  sqs: SqsClient;
  tenants: TenantDao;
  operations: OperationDao;
  webhooks: WebhookDao;
  deliveries: WebhookDeliveryDao;
  launcher: OperationLauncher;
  events: EventPublisher;
  seedTenant(overrides?: Partial<Tenant>): Promise<Tenant>;
  seedWebhook(
    tenantId: string,
    url: string,
    events: WebhookEventType[],
    overrides?: Partial<Webhook>,
  ): Promise<Webhook>;
  close(): Promise<void>;
}

export interface WorkersAppOptions {
  tenantInstances?: TenantInstancesLifecycle;
  fanOut?: FanOutOptions;
}

function configFor(engine: LocalSqs, env: Record<string, string>) {
  return loadWorkersConfig({
    ...process.env,
    SQS_ENDPOINT: engine.endpoint,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'tenant-events,webhooks',
    WORKER_WAIT_TIME_SECONDS: '1',
    WORKER_QUEUES: JSON.stringify({
      'tenant-events': { visibilityTimeoutSeconds: 5 },
      webhooks: { concurrency: 4, visibilityTimeoutSeconds: 5 },
    }),
    WORKER_DRAIN_TIMEOUT_MS: '2000',
    RETRY_BASE_SECONDS: '1',
    RETRY_MAX_SECONDS: '2',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    WEBHOOK_RETRY_MAX_SECONDS: '1',
    ...env,
  });
}

/** The workers app in-process on a local SQS of its own, with short timeouts for tests. */
export async function startWorkersApp(
  env: Record<string, string> = {},
  options: WorkersAppOptions = {},
): Promise<WorkersAppFixture> {
  const engine: LocalSqs = await startLocalSqs();
  const sqs = createSqsClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint: engine.endpoint });
  await ensureQueues(sqs, 'test');
  const boot = (overrides: Record<string, string>) =>
    startTestApi(
      WorkersModule.register({ config: configFor(engine, { ...env, ...overrides }), ...options }),
      WORKERS_DESCRIPTION,
    );
  const db = testDynamoContext();
  const tenants = new TenantDao(db, { auditRetentionDays: 365 });
  const operations = new OperationDao(db);
  const webhooks = new WebhookDao(db);
  const producer = new MessageProducer(sqs, new QueueDirectory(sqs, 'test'));
  let running: TestApi | null = await boot({});
  return {
    get api() {
      if (!running) throw new Error('the workers app is stopped');
      return running;
    },
    async stopApp() {
      await running?.close();
      running = null;
    },
    async startApp(overrides = {}) {
      running = await boot(overrides);
    },
    sqs,
    tenants,
    operations,
    webhooks,
    deliveries: new WebhookDeliveryDao(db),
    launcher: new OperationLauncher(operations, producer, systemClock, silentLogger),
    events: new EventPublisher(producer, systemClock),
    async seedTenant(overrides = {}) {
      const tenant = buildTenant({
        organizationName: `Workers Org ${newId('evt').slice(4, 16)}`,
        createdBy: 'admin-1',
        updatedBy: 'admin-1',
        ...overrides,
      });
      await tenants.create(
        tenant,
        buildAuditEvent({
          tenantId: tenant.tenantId,
          timestamp: tenant.createdAt,
          actor: 'admin-1',
          action: 'TENANT_CREATED',
        }),
      );
      return tenant;
    },
    async seedWebhook(tenantId, url, events, overrides = {}) {
      const webhook = buildWebhook({
        tenantId,
        url,
        events,
        secret: 'whsec-test-0123456789abcdef',
        createdBy: 'admin-1',
        updatedBy: 'admin-1',
        ...overrides,
      });
      await webhooks.create(webhook, 20);
      return webhook;
    },
    async close() {
      await running?.close();
      sqs.destroy();
      await engine.stop();
    },
  };
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status codes to answer, in order; the last one repeats. */
  answers: number[];
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that records what it gets. */
export async function startReceiver(answers: number[] = [200]): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const receiver: Partial<Receiver> = { requests, answers };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const list = receiver.answers as number[];
      res.writeHead(list[Math.min(requests.length - 1, list.length - 1)]);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver as Receiver;
}
