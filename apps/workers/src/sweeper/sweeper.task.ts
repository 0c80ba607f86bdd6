import type { OperationSweeper } from '@bbws/platform-operations';
import type { WorkerTask } from '../runtime/worker-task';

/** Recovers operations a crash left behind (unsent messages, dead workers, deadlines passed). */
export class SweeperTask implements WorkerTask {
  readonly name = 'operation-sweeper';

  constructor(
    private readonly sweeper: OperationSweeper,
    readonly intervalMs: number,
  ) {}

  run(): Promise<unknown> {
    return this.sweeper.sweepOnce();
  }
}
