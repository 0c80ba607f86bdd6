import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
} from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { TenantDao } from '@bbws/data-access-tenants';
import { CursorCodec } from '@bbws/shared-hateoas';
import { MESSAGES, type Operation } from '@bbws/shared-contracts';
import { createLogger } from '@bbws/shared-logging';
import { newId, systemClock } from '@bbws/shared-util';
import { OperationLauncher } from '@bbws/platform-operations';
import {
  MessageProducer,
  QueueDirectory,
  createSqsClient,
  ensureQueues,
  type SqsClient,
} from '@bbws/platform-sqs';
import { buildAuditEvent, buildTenant } from '@bbws/testing-factories';
import { startDynamoLocal, startSqs, type RunningEngine } from '@bbws/testing-engines';
import { startCompiledApp, type CompiledApp } from './compiled-app';

const STAGE = 'test';

/**
 * DynamoDB Local and a local SQS of this suite's own (never the run's shared engines: other suites
 * use those), the test stage's tables and queues, the operation launcher the APIs use, and compiled
 * workers processes consuming tenant lifecycle operations with short timeouts.
 */
export class WorkersPlatform {
  readonly tenants: TenantDao;
  readonly operations: OperationDao;
  launcher: OperationLauncher;
  sqs: SqsClient;

  private constructor(
    private readonly dynamo: RunningEngine,
    public sqsEngine: RunningEngine,
  ) {
    const raw = createDynamoClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
    const db = {
      client: createDocumentClient(raw),
      tables: defaultTableNames(STAGE),
      cursors: new CursorCodec('fault-suite-cursor-secret'),
      clock: systemClock,
    };
    this.tenants = new TenantDao(db, { auditRetentionDays: 365 });
    this.operations = new OperationDao(db);
    this.sqs = createSqsClient({ region: 'us-east-1', endpoint: sqsEngine.endpoint });
    this.launcher = this.newLauncher();
  }

  static async start(): Promise<WorkersPlatform> {
    const [dynamo, sqs] = await Promise.all([startDynamoLocal({ inMemory: true }), startSqs()]);
    const raw = createDynamoClient({ region: 'us-east-1', endpoint: dynamo.endpoint });
    await ensureTables(raw, defaultTableNames(STAGE)).finally(() => raw.destroy());
    const platform = new WorkersPlatform(dynamo, sqs);
    await ensureQueues(platform.sqs, STAGE);
    return platform;
  }

  /** A compiled workers process: tenant lifecycle consumer and the operation sweeper. */
  startWorkers(): Promise<CompiledApp> {
    return startCompiledApp('workers', {
      BBWS_STAGE: STAGE,
      DYNAMODB_ENDPOINT: this.dynamo.endpoint,
      SQS_ENDPOINT: this.sqsEngine.endpoint,
      WORKERS: 'tenant-events,sweeper',
      WORKER_WAIT_TIME_SECONDS: '1',
      WORKER_QUEUES: JSON.stringify({ 'tenant-events': { concurrency: 4, visibilityTimeoutSeconds: 3 } }),
      RETRY_BASE_SECONDS: '1',
      RETRY_MAX_SECONDS: '2',
      SWEEPER_INTERVAL_MS: '500',
      SWEEPER_RESEND_AFTER_MS: '3000',
    });
  }

  /**
   * Stops the SQS server (every connection cut) and starts a new one on the same port. The local
   * server keeps queues in memory, so the new one starts empty: its queues are created again as the
   * infrastructure would, and the messages the old one held are gone.
   */
  async restartSqs(downMs: number, during?: () => Promise<void>): Promise<void> {
    const port = this.sqsEngine.port;
    await this.sqsEngine.stop();
    const until = Date.now() + downMs;
    await during?.();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    this.sqsEngine = await startSqs({ port });
    await ensureQueues(this.sqs, STAGE);
  }

  async seedActiveTenant(): Promise<string> {
    const tenant = buildTenant({
      status: 'ACTIVE',
      organizationName: `Fault Org ${newId('evt').slice(4, 20)}`,
    });
    await this.tenants.create(
      tenant,
      buildAuditEvent({ tenantId: tenant.tenantId, action: 'TENANT_CREATED' }),
    );
    return tenant.tenantId;
  }

  /** What the tenants API does for PATCH .../status SUSPENDED: a TENANT_SUSPEND operation. */
  launchSuspend(tenantId: string): Promise<Operation> {
    return this.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: 'TENANT_SUSPEND',
      tenantId,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: 'fault-suite',
      correlationId: newId('evt'),
      payload: { action: 'SUSPEND', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED', reason: 'Fault injection' },
    });
  }

  async statuses(operationIds: string[]): Promise<Operation[]> {
    return Promise.all(operationIds.map(async (id) => (await this.operations.get(id)) as Operation));
  }

  /** The tenant's TENANT_SUSPENDED audit events: the change-tenant-status step's side effect. */
  async suspendAudits(tenantId: string): Promise<number> {
    const page = await this.tenants.listAudit(tenantId, { pageSize: 100 });
    return page.items.filter((event) => event.action === 'TENANT_SUSPENDED').length;
  }

  /** `tenant.status_changed` events published per operation (the notify step), drained from the queue. */
  async drainNotifications(): Promise<Map<string, number>> {
    const url = await new QueueDirectory(this.sqs, STAGE).url('webhooks');
    const counts = new Map<string, number>();
    for (;;) {
      const { Messages = [] } = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 600,
        }),
      );
      if (!Messages.length) return counts;
      for (const message of Messages) {
        const { payload } = JSON.parse(message.Body ?? '{}') as {
          payload?: { eventType?: string; data?: { operationId?: string } };
        };
        const operationId =
          payload?.eventType === 'tenant.status_changed' ? payload.data?.operationId : undefined;
        if (operationId) counts.set(operationId, (counts.get(operationId) ?? 0) + 1);
      }
    }
  }

  /** Messages in the tenant lifecycle queue's dead-letter queue. */
  async deadLetters(): Promise<number> {
    const info = await new QueueDirectory(this.sqs, STAGE).describe('tenant-events');
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: info.deadLetterUrl ?? '',
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  }

  async stop(): Promise<void> {
    this.sqs.destroy();
    await Promise.allSettled([this.dynamo.stop(), this.sqsEngine.stop()]);
  }

  private newLauncher(): OperationLauncher {
    const producer = new MessageProducer(this.sqs, new QueueDirectory(this.sqs, STAGE));
    return new OperationLauncher(
      this.operations,
      producer,
      systemClock,
      createLogger({ name: 'fault-suite', level: 'silent' }),
    );
  }
}
