import type { HostingEnvironment } from '@bbws/shared-contracts';

/** One instance of the local data plane: a slug in a hosting environment. */
export interface FleetInstance {
  environment: HostingEnvironment;
  slug: string;
}

/** What the fleet says about an instance's workers right now. */
export interface FleetHealth {
  /** Workers running. */
  running: number;
  /** One entry per running worker; healthy when it answers like an ALB health check wants. */
  workers: readonly { healthy: boolean }[];
}

/**
 * The PHP workers behind an instance's ECS service (the local stand-in for its tasks). The local
 * runtime implements it; the data plane calls it and never waits for it to answer HTTP.
 */
export interface WorkerFleet {
  /** Exactly `count` workers afterwards (0 stops them all). */
  scale(instance: FleetInstance, count: number): Promise<void>;
  health(instance: FleetInstance): Promise<FleetHealth>;
}
