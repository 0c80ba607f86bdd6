/** A background task a worker process runs every `intervalMs` (never overlapping itself). */
export interface WorkerTask {
  readonly name: string;
  readonly intervalMs: number;
  run(): Promise<unknown>;
}
