import type { Deployment, Service } from '@aws-sdk/client-ecs';
import type { RolloutState, ServiceSnapshot } from './compute.port';

const STATUSES = new Set<string>(['ACTIVE', 'DRAINING', 'INACTIVE']);
const ROLLOUT_STATES = new Set<string>(['IN_PROGRESS', 'COMPLETED', 'FAILED']);

/** A service ECS does not know (DescribeServices `failures` reason MISSING). */
export function missingServiceSnapshot(serviceName: string): ServiceSnapshot {
  return {
    serviceName,
    status: 'MISSING',
    desiredCount: 0,
    runningCount: 0,
    pendingCount: 0,
    deployments: [],
    steady: false,
  };
}

export function toServiceSnapshot(service: Service, fallbackName: string): ServiceSnapshot {
  const status = STATUSES.has(service.status ?? '')
    ? (service.status as ServiceSnapshot['status'])
    : 'INACTIVE';
  const deployments = (service.deployments ?? []).map(toDeployment);
  const desiredCount = service.desiredCount ?? 0;
  const runningCount = service.runningCount ?? 0;
  const pendingCount = service.pendingCount ?? 0;
  const newest = service.events?.[0];
  return {
    serviceName: service.serviceName ?? fallbackName,
    status,
    desiredCount,
    runningCount,
    pendingCount,
    deployments,
    ...(newest?.message
      ? { lastEvent: { message: newest.message, createdAt: (newest.createdAt ?? new Date(0)).toISOString() } }
      : {}),
    steady:
      status === 'ACTIVE' &&
      desiredCount === runningCount &&
      pendingCount === 0 &&
      deployments.length === 1 &&
      deployments[0].rolloutState === 'COMPLETED',
  };
}

function toDeployment(deployment: Deployment): ServiceSnapshot['deployments'][number] {
  const desiredCount = deployment.desiredCount ?? 0;
  const runningCount = deployment.runningCount ?? 0;
  // Services without a rollout state (older deployment controllers): done when the counts match.
  const rolloutState: RolloutState = ROLLOUT_STATES.has(deployment.rolloutState ?? '')
    ? (deployment.rolloutState as RolloutState)
    : desiredCount === runningCount
      ? 'COMPLETED'
      : 'IN_PROGRESS';
  return { id: deployment.id ?? '', rolloutState, desiredCount, runningCount };
}
