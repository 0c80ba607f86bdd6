import { epochSeconds } from './ecs-json.codec';
import type { TaskState } from './data-plane.state';

/** A task as ECS's RunTask / DescribeTasks answer it. */
export function taskJson(task: TaskState, clusterArn: string) {
  const desiredStatus = task.lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING';
  return {
    taskArn: task.taskArn,
    clusterArn,
    taskDefinitionArn: task.taskDefinitionArn,
    group: task.group,
    ...(task.startedBy ? { startedBy: task.startedBy } : {}),
    launchType: 'FARGATE',
    lastStatus: task.lastStatus,
    desiredStatus,
    createdAt: epochSeconds(task.createdAt),
    ...(task.startedAt ? { startedAt: epochSeconds(task.startedAt) } : {}),
    ...(task.stoppedAt
      ? { stoppedAt: epochSeconds(task.stoppedAt), executionStoppedAt: epochSeconds(task.stoppedAt) }
      : {}),
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
    containers: [
      {
        taskArn: task.taskArn,
        name: 'wordpress',
        lastStatus: task.lastStatus,
        ...(task.exitCode !== undefined ? { exitCode: task.exitCode } : {}),
      },
    ],
    overrides: {
      containerOverrides: [{ name: 'wordpress', command: task.command }],
    },
  };
}
