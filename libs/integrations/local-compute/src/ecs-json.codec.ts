import type { DeploymentState, ServiceState } from './data-plane.state';

/** The AWS JSON 1.1 protocol writes timestamps as epoch seconds. */
export function epochSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

function deploymentJson(deployment: DeploymentState) {
  return {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDefinition,
    desiredCount: deployment.desiredCount,
    pendingCount: deployment.pendingCount,
    runningCount: deployment.runningCount,
    failedTasks: deployment.failedTasks,
    createdAt: epochSeconds(deployment.createdAt),
    updatedAt: epochSeconds(deployment.updatedAt),
    launchType: 'FARGATE',
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  };
}

/** A service as ECS's DescribeServices / UpdateService answer it. */
export function serviceJson(service: ServiceState, clusterArn: string) {
  return {
    serviceArn: service.serviceArn,
    serviceName: service.serviceName,
    clusterArn,
    loadBalancers: [
      { targetGroupArn: service.targetGroupArn, containerName: 'wordpress', containerPort: 80 },
    ],
    status: 'ACTIVE',
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    pendingCount: service.pendingCount,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [`subnet-${service.environment.toLowerCase()}-private`],
        securityGroups: [`sg-${service.slug}`],
        assignPublicIp: 'DISABLED',
      },
    },
    taskDefinition: service.deployments[0]?.taskDefinition,
    deployments: service.deployments.map(deploymentJson),
    events: service.events.map((event) => ({
      id: event.id,
      createdAt: epochSeconds(event.createdAt),
      message: event.message,
    })),
    createdAt: epochSeconds(service.createdAt),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
  };
}

/** ECS's error body: `{ "__type": "ServiceNotFoundException", "message": "..." }`. */
export function ecsErrorBody(code: string, message: string): string {
  return JSON.stringify({ __type: code, message });
}
