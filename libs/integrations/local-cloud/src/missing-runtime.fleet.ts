import type { FleetHealth, FleetInstance, WorkerFleet } from '@bbws/integrations-local-compute';
import type { LocalRuntimeMissingError } from '@bbws/integrations-local-runtime';

/** The data plane's fleet when PHP, MariaDB or WordPress core are missing: no worker can start. */
export class MissingRuntimeFleet implements WorkerFleet {
  constructor(private readonly missing: LocalRuntimeMissingError) {}

  async scale(_instance: FleetInstance, count: number): Promise<void> {
    if (count > 0) throw this.missing;
  }

  async health(): Promise<FleetHealth> {
    return { running: 0, workers: [] };
  }
}
