import { randomInt } from 'node:crypto';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import type { DeploymentState, ServiceState } from './data-plane.state';

/** `ecs-svc/` and 19 digits, as ECS names deployments. */
export function newDeploymentId(): string {
  return `ecs-svc/${Array.from({ length: 19 }, () => randomInt(10)).join('')}`;
}

/** A new PRIMARY deployment, rolling out `desiredCount` tasks. */
export function newDeployment(
  taskDefinition: string,
  desiredCount: number,
  runningCount = 0,
): DeploymentState {
  const id = newDeploymentId();
  const now = new Date().toISOString();
  return {
    id,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount,
    runningCount,
    pendingCount: Math.max(0, desiredCount - runningCount),
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
    createdAt: now,
    updatedAt: now,
  };
}

export function newService(input: {
  environment: HostingEnvironment;
  slug: string;
  serviceName: string;
  serviceArn: string;
  taskDefinition: string;
  targetGroupArn: string;
  ruleArn: string;
  desiredCount: number;
}): ServiceState {
  const { taskDefinition, ...fields } = input;
  return {
    ...fields,
    runningCount: 0,
    pendingCount: input.desiredCount,
    createdAt: new Date().toISOString(),
    deployments: [newDeployment(taskDefinition, input.desiredCount)],
    events: [],
  };
}
