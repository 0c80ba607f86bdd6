import { randomUUID } from 'node:crypto';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import type { DeploymentState, ServiceState } from './data-plane.state';
import type { ServiceEventInput } from './ecs-event.publisher';
import type { WorkerFleet } from './worker-fleet.port';

export interface ConvergenceContext {
  fleet: WorkerFleet;
  clusterArn(environment: HostingEnvironment): string;
  publish(input: ServiceEventInput): Promise<void>;
  save(): Promise<void>;
  pollIntervalMs: number;
  timeoutMs: number;
  /** A run that failed for another reason than its workers (e.g. the state could not be saved). */
  onError(error: unknown, context: string): void;
}

/** ECS keeps a service's last 100 events. */
const MAX_EVENTS = 100;

export function addServiceEvent(service: ServiceState, message: string, at = new Date()): void {
  service.events.unshift({
    id: randomUUID(),
    createdAt: at.toISOString(),
    message: `(service ${service.serviceName}) ${message}`,
  });
  service.events.length = Math.min(service.events.length, MAX_EVENTS);
}

export function primaryDeployment(service: ServiceState): DeploymentState | undefined {
  return service.deployments.find((deployment) => deployment.status === 'PRIMARY');
}

/**
 * Drives an ECS service's workers towards its desired count the way ECS's scheduler does: start or
 * stop workers, watch their health, keep the counts, the rollout state and the service events
 * truthful, and announce steady state / deployment outcomes as EventBridge events.
 */
export class ServiceConvergence {
  private readonly generations = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly scaling = new Map<string, Promise<void>>();
  private counter = 0;

  constructor(private readonly context: ConvergenceContext) {}

  /** Starts converging `service` (superseding a run in progress for it); never awaited by HTTP answers. */
  converge(service: ServiceState): Promise<void> {
    const generation = ++this.counter;
    this.generations.set(service.serviceArn, generation);
    const run = this.run(service, generation)
      .catch((error: unknown) => this.context.onError(error, `converging ${service.serviceArn}`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  /**
   * Asks the fleet for `count` workers after the instance's previous request settled, so an older,
   * slower request never lands after a newer one.
   */
  scaleFleet(instance: { environment: HostingEnvironment; slug: string }, count: number): Promise<void> {
    const key = `${instance.environment}/${instance.slug}`;
    const previous = this.scaling.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.context.fleet.scale(instance, count));
    this.scaling.set(key, next);
    void next
      .catch(() => undefined)
      .then(() => {
        if (this.scaling.get(key) === next) this.scaling.delete(key);
      });
    return next;
  }

  /** Stops watching one service (it is being removed). */
  cancel(serviceArn: string): void {
    this.generations.delete(serviceArn);
  }

  /** Stops watching every service (workers keep their count) and waits for the runs to end. */
  async stop(): Promise<void> {
    this.generations.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Resolves once no service is converging. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private current(service: ServiceState, generation: number): boolean {
    return this.generations.get(service.serviceArn) === generation;
  }

  private async run(service: ServiceState, generation: number): Promise<void> {
    const instance = { environment: service.environment, slug: service.slug };
    const desired = service.desiredCount;
    const started = Date.now();
    let scaleSettled = false;
    let scaleError: unknown;
    void this.scaleFleet(instance, desired).then(
      () => (scaleSettled = true),
      (error: unknown) => {
        scaleSettled = true;
        scaleError = error;
      },
    );
    while (this.current(service, generation)) {
      const { running, healthy } = await this.observe(instance);
      if (!this.current(service, generation)) return;
      const changed = this.record(service, running, healthy);
      // The counts and the steady-state event change together, so no reader sees one without the other.
      if (scaleSettled && !scaleError && running === desired && healthy === desired) {
        await this.reachSteadyState(service);
        return;
      }
      if (changed) await this.context.save();
      if (scaleError || Date.now() - started > this.context.timeoutMs) {
        await this.fail(service, scaleError);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, this.context.pollIntervalMs));
    }
  }

  private async observe(instance: { environment: HostingEnvironment; slug: string }) {
    try {
      const health = await this.context.fleet.health(instance);
      return { running: health.running, healthy: health.workers.filter((worker) => worker.healthy).length };
    } catch {
      return { running: 0, healthy: 0 };
    }
  }

  /** Updates the counts (running = healthy workers); true when something changed. */
  private record(service: ServiceState, running: number, healthy: number): boolean {
    const pending = Math.max(0, service.desiredCount - healthy);
    const before = service.runningCount;
    if (before === healthy && service.pendingCount === pending) return false;
    service.runningCount = healthy;
    service.pendingCount = pending;
    const primary = primaryDeployment(service);
    if (primary)
      Object.assign(primary, {
        runningCount: healthy,
        pendingCount: pending,
        updatedAt: new Date().toISOString(),
      });
    if (healthy > before) addServiceEvent(service, `has started ${healthy - before} tasks.`);
    if (healthy < before && running < before)
      addServiceEvent(service, `has stopped ${before - healthy} running tasks.`);
    return true;
  }

  private async reachSteadyState(service: ServiceState): Promise<void> {
    const at = new Date();
    const primary = primaryDeployment(service);
    const completing = primary?.rolloutState === 'IN_PROGRESS' ? primary : undefined;
    if (completing) {
      Object.assign(completing, {
        rolloutState: 'COMPLETED',
        rolloutStateReason: `ECS deployment ${completing.id} completed.`,
        updatedAt: at.toISOString(),
      });
      addServiceEvent(service, `(deployment ${completing.id}) deployment completed.`, at);
    }
    addServiceEvent(service, 'has reached a steady state.', at);
    await this.context.save();
    if (completing)
      await this.context.publish({
        eventName: 'SERVICE_DEPLOYMENT_COMPLETED',
        serviceArn: service.serviceArn,
        deploymentId: completing.id,
        reason: completing.rolloutStateReason,
        at,
      });
    await this.context.publish({
      eventName: 'SERVICE_STEADY_STATE',
      serviceArn: service.serviceArn,
      clusterArn: this.context.clusterArn(service.environment),
      at,
    });
  }

  private async fail(service: ServiceState, error: unknown): Promise<void> {
    const at = new Date();
    const primary = primaryDeployment(service);
    const failing = primary?.rolloutState === 'IN_PROGRESS' ? primary : undefined;
    const cause = error instanceof Error ? `: ${error.message}` : '';
    addServiceEvent(service, `is unable to consistently start tasks successfully${cause}.`, at);
    if (failing) {
      Object.assign(failing, {
        rolloutState: 'FAILED',
        rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        failedTasks: failing.failedTasks + Math.max(1, service.desiredCount - service.runningCount),
        updatedAt: at.toISOString(),
      });
    }
    await this.context.save();
    if (failing)
      await this.context.publish({
        eventName: 'SERVICE_DEPLOYMENT_FAILED',
        serviceArn: service.serviceArn,
        deploymentId: failing.id,
        reason: failing.rolloutStateReason,
        at,
      });
  }
}
