import type { SQSClient } from '@aws-sdk/client-sqs';
import type { OperationDao } from '@bbws/data-access-operations';
import {
  EventPublisher,
  OperationProcessor,
  OperationSweeper,
  PeriodicTask,
  QueueConsumer,
  type MessageProducer,
  type QueueDirectory,
  type QueueHandler,
} from '@bbws/platform-consumer';
import type { QueueKey } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { QueueWorkerName, WorkersConfig } from '../config/workers.config';
import type { TenantLifecycleConsumer } from '../tenant-events/tenant-events.consumer';
import type { WebhooksConsumer } from '../webhooks/webhooks.consumer';

export interface WorkersRuntimeDependencies {
  sqs: SQSClient;
  queues: QueueDirectory;
  producer: MessageProducer;
  events: EventPublisher;
  operations: OperationDao;
  tenantLifecycle: TenantLifecycleConsumer;
  webhooks: WebhooksConsumer;
  clock: Clock;
  logger: Logger;
}

const QUEUES: Record<QueueWorkerName, QueueKey> = { 'tenant-events': 'tenant-events', webhooks: 'webhooks' };

/** Starts the configured subset of consumers and background tasks; stops them gracefully. */
export class WorkersRuntime {
  private readonly consumers: QueueConsumer[] = [];
  private readonly tasks: PeriodicTask[] = [];

  constructor(
    private readonly config: WorkersConfig,
    private readonly workerId: string,
    private readonly deps: WorkersRuntimeDependencies,
  ) {}

  async start(): Promise<void> {
    const { enabled } = this.config.workers;
    for (const name of enabled) {
      if (name === 'sweeper') {
        this.tasks.push(this.sweeperTask());
        continue;
      }
      const queue = await this.deps.queues.describe(QUEUES[name]);
      const settings = this.config.workers.queues[name];
      const consumer = new QueueConsumer(
        this.deps.sqs,
        queue,
        this.handler(name, settings.visibilityTimeoutSeconds ?? queue.visibilityTimeoutSeconds),
        {
          ...settings,
          retry: this.config.workers.retry,
        },
        this.deps.logger,
      );
      this.consumers.push(consumer);
    }
    for (const consumer of this.consumers) consumer.start();
    for (const task of this.tasks) task.start();
    this.deps.logger.info({ workers: enabled, workerId: this.workerId }, 'workers started');
  }

  /** SIGTERM: stop receiving, let in-flight messages finish (or hand them back), stop the sweeper. */
  async stop(): Promise<void> {
    await Promise.all([
      ...this.consumers.map((consumer) => consumer.stop(this.config.workers.drainTimeoutMs)),
      ...this.tasks.map((task) => task.stop()),
    ]);
    this.deps.logger.info({ workerId: this.workerId }, 'workers stopped');
  }

  private handler(name: QueueWorkerName, visibilityTimeoutSeconds: number): QueueHandler {
    switch (name) {
      case 'tenant-events':
        return new OperationProcessor(
          [this.deps.tenantLifecycle],
          this.deps.operations,
          this.deps.events,
          this.deps.clock,
          this.deps.logger,
          {
            name,
            owner: this.workerId,
            leaseMs: visibilityTimeoutSeconds * 1000,
            retry: this.config.workers.retry,
          },
        );
      case 'webhooks':
        return this.deps.webhooks;
      default: {
        const unknown: never = name;
        throw new Error(`Unknown worker ${String(unknown)}`);
      }
    }
  }

  private sweeperTask(): PeriodicTask {
    const sweeper = new OperationSweeper(
      this.deps.operations,
      this.deps.producer,
      this.deps.events,
      this.deps.clock,
      this.deps.logger,
      {
        resendAfterMs: this.config.workers.sweeper.resendAfterMs,
        batchLimit: 500,
      },
    );
    return new PeriodicTask(
      'operation-sweeper',
      this.config.workers.sweeper.intervalMs,
      () => sweeper.sweepOnce(),
      this.deps.logger,
    );
  }
}
