import type { InstanceRef } from './instance.ref';

export interface WorkerStatus {
  port: number;
  pid: number;
  /** Answers /wp-login.php with 200. */
  healthy: boolean;
}

export interface InstanceHealth {
  /** Workers running. */
  running: number;
  /** Every running worker is healthy (true when none runs). */
  healthy: boolean;
  workers: WorkerStatus[];
}

/** The instance's PHP workers (the local stand-in for an ECS service's tasks). */
export interface WorkerFleet {
  /** Exactly `count` workers afterwards (0 stops them all); resolves once new workers answer. */
  scale(ref: InstanceRef, count: number): Promise<void>;
  /** Probes every worker now. */
  health(ref: InstanceRef): Promise<InstanceHealth>;
}

/** Where the proxy may send an instance's requests (the local stand-in for a target group's healthy targets). */
export interface WorkerTargets {
  /** Ports on 127.0.0.1 of the workers last seen healthy; empty when none. */
  healthyWorkerPorts(ref: InstanceRef): readonly number[];
}
