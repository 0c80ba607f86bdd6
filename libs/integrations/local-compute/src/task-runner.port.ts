import type { FleetInstance } from './worker-fleet.port';

/** How a one-off task's container ended: its exit code and what it printed. */
export interface TaskRunResult {
  exitCode: number;
  log: string[];
}

/**
 * What runs a one-off task's command (RunTask with a container override) for an instance: the
 * local stand-in for a container started from the instance's image. Unknown commands exit 127.
 */
export interface TaskRunner {
  run(
    instance: FleetInstance,
    command: string[],
    environment: Record<string, string>,
  ): Promise<TaskRunResult>;
}

/** A data plane without a task runner: every command is unknown. */
export const NO_TASK_RUNNER: TaskRunner = {
  async run(_instance, command) {
    return { exitCode: 127, log: [`${command[0] ?? ''}: command not found`] };
  },
};
