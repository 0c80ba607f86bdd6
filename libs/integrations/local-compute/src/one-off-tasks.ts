import { randomBytes } from 'node:crypto';
import { clusterName, LOCAL_ACCOUNT } from './arns';
import type { DataPlaneState, ServiceState, TaskState } from './data-plane.state';
import type { TaskRunner } from './task-runner.port';

const LOG_LINES = 200;

export interface OneOffTaskRunsOptions {
  region: string;
  runner: TaskRunner;
  state: () => DataPlaneState;
  save: () => Promise<void>;
  onError: (error: unknown, context: string) => void;
}

export interface StartTaskInput {
  service: ServiceState;
  taskDefinitionArn: string;
  command: string[];
  environment: Record<string, string>;
  group?: string;
  startedBy?: string;
  clientToken?: string;
}

/**
 * One-off tasks of the local data plane: PROVISIONING when RunTask answers, RUNNING while the task
 * runner runs the command, STOPPED with the container's exit code (or TaskFailedToStart when the
 * runner throws). Tasks a restart interrupted are stopped as failed to start.
 */
export class OneOffTaskRuns {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: OneOffTaskRunsOptions) {}

  async recover(): Promise<void> {
    const interrupted = Object.values(this.options.state().tasks).filter(
      (task) => task.lastStatus !== 'STOPPED',
    );
    for (const task of interrupted)
      this.stopped(task, {
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'Task stopped: the local data plane restarted',
      });
    if (interrupted.length) await this.options.save();
  }

  /** Starts a task, or answers the task an earlier RunTask with the same client token started. */
  async start(input: StartTaskInput): Promise<TaskState> {
    const { service } = input;
    const earlier =
      input.clientToken &&
      Object.values(this.options.state().tasks).find(
        (task) => task.clientToken === input.clientToken && task.serviceName === service.serviceName,
      );
    if (earlier) return earlier;
    const cluster = clusterName(service.environment);
    const task: TaskState = {
      taskArn: `arn:aws:ecs:${this.options.region}:${LOCAL_ACCOUNT}:task/${cluster}/${randomBytes(16).toString('hex')}`,
      environment: service.environment,
      slug: service.slug,
      serviceName: service.serviceName,
      taskDefinitionArn: input.taskDefinitionArn,
      group: input.group ?? `family:${service.serviceName}`,
      ...(input.startedBy ? { startedBy: input.startedBy } : {}),
      ...(input.clientToken ? { clientToken: input.clientToken } : {}),
      command: input.command,
      environmentNames: Object.keys(input.environment),
      lastStatus: 'PROVISIONING',
      createdAt: new Date().toISOString(),
      log: [],
    };
    this.options.state().tasks[task.taskArn] = task;
    await this.options.save();
    const run = this.execute(task, input.environment).catch((error) =>
      this.options.onError(error, `running task ${task.taskArn}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return task;
  }

  find(taskArn: string): TaskState | undefined {
    return this.options.state().tasks[taskArn];
  }

  /** Waits for the tasks still running (on shutdown). */
  async stop(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async execute(task: TaskState, environment: Record<string, string>): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    task.lastStatus = 'RUNNING';
    task.startedAt = new Date().toISOString();
    await this.options.save();
    try {
      const result = await this.options.runner.run(
        { environment: task.environment, slug: task.slug },
        task.command,
        environment,
      );
      task.log = result.log.slice(-LOG_LINES);
      task.exitCode = result.exitCode;
      this.stopped(task, {
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      });
    } catch (error) {
      task.log = [error instanceof Error ? error.message : String(error)];
      this.stopped(task, {
        stopCode: 'TaskFailedToStart',
        stoppedReason: `CannotStartContainerError: ${task.log[0]}`.slice(0, 255),
      });
    }
    await this.options.save();
  }

  private stopped(task: TaskState, reason: Pick<TaskState, 'stopCode' | 'stoppedReason'>): void {
    task.lastStatus = 'STOPPED';
    task.stoppedAt = new Date().toISOString();
    Object.assign(task, reason);
  }
}
