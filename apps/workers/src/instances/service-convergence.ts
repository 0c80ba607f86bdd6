import { setTimeout as sleep } from 'node:timers/promises';
import type { ComputePort, ServiceRef, ServiceSnapshot } from '@bbws/integrations-compute';
import { UpstreamError } from '@bbws/shared-errors';

export interface ConvergenceOptions {
  /** How long one attempt waits before handing the operation back to the queue (it resumes here). */
  timeoutMs: number;
  pollIntervalMs: number;
}

/** The service did not reach the wanted state in time: retried (the operation resumes at this step). */
export class RuntimeNotConvergedError extends UpstreamError {
  constructor(ref: ServiceRef, wanted: string, last: ServiceSnapshot) {
    super(
      `${ref.serviceName} did not reach ${wanted} in time (desired ${last.desiredCount}, running ${last.runningCount}, pending ${last.pendingCount})`,
      { code: 'RUNTIME_NOT_CONVERGED', retryable: true, details: { serviceName: ref.serviceName } },
    );
  }
}

/** A deployment ECS gave up on: not worth retrying the same thing. */
export class RolloutFailedError extends UpstreamError {
  constructor(ref: ServiceRef, last: ServiceSnapshot) {
    super(`The deployment of ${ref.serviceName} failed: ${last.lastEvent?.message ?? 'no event recorded'}`, {
      code: 'ROLLOUT_FAILED',
      retryable: false,
      details: { serviceName: ref.serviceName },
    });
  }
}

/**
 * Polls DescribeServices until the service runs exactly `desiredCount` tasks in a steady state (for 0:
 * none running, none pending). Progress comes from what ECS reports, never from having asked.
 */
export async function waitForService(
  compute: ComputePort,
  ref: ServiceRef,
  desiredCount: number,
  options: ConvergenceOptions & {
    signal: AbortSignal;
    onPoll?: (snapshot: ServiceSnapshot) => Promise<void>;
  },
): Promise<ServiceSnapshot> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal.throwIfAborted();
    const snapshot = await compute.describeService(ref);
    await options.onPoll?.(snapshot);
    if (snapshot.deployments.some((deployment) => deployment.rolloutState === 'FAILED'))
      throw new RolloutFailedError(ref, snapshot);
    if (converged(snapshot, desiredCount)) return snapshot;
    if (Date.now() >= deadline)
      throw new RuntimeNotConvergedError(ref, `${desiredCount} running task(s)`, snapshot);
    await sleep(options.pollIntervalMs, undefined, { signal: options.signal });
  }
}

function converged(snapshot: ServiceSnapshot, desiredCount: number): boolean {
  if (snapshot.status !== 'ACTIVE' || snapshot.desiredCount !== desiredCount) return false;
  if (desiredCount === 0) return snapshot.runningCount === 0 && snapshot.pendingCount === 0;
  return snapshot.steady && snapshot.runningCount === desiredCount;
}
