import type { FleetHealth, FleetInstance, WorkerFleet } from '@bbws/integrations-local-compute';

const key = (instance: FleetInstance) => `${instance.environment}/${instance.slug}`;

/** A WorkerFleet that records its calls; its workers are healthy up to a limit the test sets. */
export class RecordingWorkerFleet implements WorkerFleet {
  readonly scaleCalls: { instance: FleetInstance; count: number }[] = [];
  private readonly counts = new Map<string, number>();
  private readonly healthyLimits = new Map<string, number>();

  async scale(instance: FleetInstance, count: number): Promise<void> {
    this.scaleCalls.push({ instance, count });
    this.counts.set(key(instance), count);
  }

  async health(instance: FleetInstance): Promise<FleetHealth> {
    const running = this.counts.get(key(instance)) ?? 0;
    const limit = this.healthyLimits.get(key(instance)) ?? Number.POSITIVE_INFINITY;
    return { running, workers: Array.from({ length: running }, (_, index) => ({ healthy: index < limit })) };
  }

  /** At most `count` of the instance's workers answer their health check until `release`. */
  holdHealthy(instance: FleetInstance, count: number): void {
    this.healthyLimits.set(key(instance), count);
  }

  release(instance: FleetInstance): void {
    this.healthyLimits.delete(key(instance));
  }

  running(instance: FleetInstance): number {
    return this.counts.get(key(instance)) ?? 0;
  }
}
