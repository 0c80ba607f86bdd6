import type { OperationDao } from '@bbws/data-access-operations';
import { OperationProcessor, type OperationHandler } from '@bbws/platform-operations';
import {
  PeriodicTask,
  QueueConsumer,
  type EventPublisher,
  type QueueDirectory,
  type QueueHandler,
  type QueueInfo,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { QueueWorkerName, WorkersConfig } from '../config/workers.config';
import { WORKER_REGISTRY } from './worker-registry';
import type { WorkerTask } from './worker-task';

export interface WorkersRuntimeDependencies {
  sqs: SqsClient;
  queues: QueueDirectory;
  events: EventPublisher;
  operations: OperationDao;
  /** The registry entry's handler, as its feature module provides it. */
  resolve<T>(handler: abstract new (...args: never[]) => T): T;
  clock: Clock;
  logger: Logger;
}

/** Starts the configured subset of the worker registry; stops it gracefully. */
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
    for (const worker of WORKER_REGISTRY.filter((entry) => enabled.includes(entry.name))) {
      if (worker.kind === 'task') {
        this.tasks.push(this.periodic(this.deps.resolve<WorkerTask>(worker.handler)));
        continue;
      }
      const queue = await this.deps.queues.describe(worker.queue);
      const handler =
        worker.kind === 'operations'
          ? this.operations(
              worker.name,
              worker.handlers.map((handler) => this.deps.resolve<OperationHandler>(handler)),
              queue,
            )
          : this.deps.resolve<QueueHandler>(worker.handler);
      this.consumers.push(
        new QueueConsumer(
          this.deps.sqs,
          queue,
          handler,
          { ...this.settings(worker.name), retry: this.config.workers.retry },
          this.deps.logger,
        ),
      );
    }
    for (const consumer of this.consumers) consumer.start();
    for (const task of this.tasks) task.start();
    this.deps.logger.info({ workers: enabled, workerId: this.workerId }, 'workers started');
  }

  /** SIGTERM: stop receiving, let in-flight messages finish (or hand them back), stop the tasks. */
  async stop(): Promise<void> {
    await Promise.all([
      ...this.consumers.map((consumer) => consumer.stop(this.config.workers.drainTimeoutMs)),
      ...this.tasks.map((task) => task.stop()),
    ]);
    this.deps.logger.info({ workerId: this.workerId }, 'workers stopped');
  }

  private settings(name: QueueWorkerName) {
    return this.config.workers.queues[name];
  }

  /** Operation messages: leases as long as the message visibility, both extended by the heartbeat. */
  private operations(name: QueueWorkerName, handlers: OperationHandler[], queue: QueueInfo): QueueHandler {
    const visibilitySeconds = this.settings(name).visibilityTimeoutSeconds ?? queue.visibilityTimeoutSeconds;
    return new OperationProcessor(
      handlers,
      this.deps.operations,
      this.deps.events,
      this.deps.clock,
      this.deps.logger,
      {
        name,
        owner: this.workerId,
        leaseMs: visibilitySeconds * 1000,
        retry: this.config.workers.retry,
      },
    );
  }

  private periodic(task: WorkerTask): PeriodicTask {
    return new PeriodicTask(task.name, task.intervalMs, () => task.run(), this.deps.logger);
  }
}
