import type { Envelope, Operation, OperationStep } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';
import type { OperationRunStore } from './operation-store.port';

export type StepOutput = Record<string, unknown> | void;

/**
 * What an operation handler works with: the claimed operation, its validated payload, and step
 * checkpoints. A step that completed in an earlier attempt is skipped (its output is returned), so
 * an operation resumed after a crash does not do the same work twice.
 *
 * One write per checkpoint: the plan and a step's completion are held in memory and written with the
 * next checkpoint (the next step's start, `progress`), the operation's end, or `flush` (the processor
 * calls it before handing the operation back for a retry).
 */
export class OperationContext<P extends object = object> {
  private current: Operation;
  /** The plan or a step's completion is not written yet. */
  private held = false;

  constructor(
    operation: Operation,
    readonly envelope: Envelope<P>,
    readonly signal: AbortSignal,
    /** 1 on the first delivery of the message. */
    readonly attempt: number,
    private readonly store: OperationRunStore,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly clock: Clock,
  ) {
    this.current = operation;
  }

  get operation(): Operation {
    return this.current;
  }

  get payload(): P {
    return this.envelope.payload;
  }

  get steps(): OperationStep[] {
    return this.current.steps;
  }

  /**
   * Declares the steps up front (shown as PENDING), keeping what earlier attempts recorded; written
   * with the first step's checkpoint.
   */
  async plan(names: string[]): Promise<void> {
    const known = new Map(this.current.steps.map((step) => [step.name, step]));
    const steps = names.map(
      (name) => known.get(name) ?? { name, status: 'PENDING' as const, startedAt: null, completedAt: null },
    );
    this.hold({ steps, currentStep: this.current.currentStep, progress: progressOf(steps) });
  }

  /** Runs `work` as the step `name` unless an earlier attempt completed it. */
  async step<T extends StepOutput>(name: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const done = this.current.steps.find((step) => step.name === name && step.status === 'COMPLETED');
    if (done) return done.output as T;
    this.signal.throwIfAborted();
    const startedAt = this.clock.now().toISOString();
    await this.save({
      steps: this.upsert({ name, status: 'IN_PROGRESS', startedAt, completedAt: null }),
      currentStep: name,
      progress: this.current.progress,
    });
    const output = await work(this.signal);
    const steps = this.upsert({
      name,
      status: 'COMPLETED',
      startedAt,
      completedAt: this.clock.now().toISOString(),
      ...(output ? { output } : {}),
    });
    this.hold({ steps, currentStep: name, progress: progressOf(steps) });
    return output;
  }

  /** Writes what is held in memory (the plan, a step's completion), if anything. */
  async flush(): Promise<void> {
    if (!this.held) return;
    const { steps, currentStep, progress } = this.current;
    await this.save({ steps, currentStep, progress });
  }

  /** Finer progress inside a long step (0-99; 100 is written when the operation completes). */
  async progress(percent: number, message?: string): Promise<void> {
    await this.save({
      steps: this.current.steps,
      currentStep: this.current.currentStep,
      progress: Math.max(0, Math.min(99, Math.round(percent))),
      ...(message !== undefined ? { message } : {}),
    });
  }

  private upsert(step: OperationStep): OperationStep[] {
    const steps = [...this.current.steps];
    const index = steps.findIndex((candidate) => candidate.name === step.name);
    if (index >= 0) steps[index] = step;
    else steps.push(step);
    return steps;
  }

  private async save(update: {
    steps: OperationStep[];
    currentStep: string | null;
    progress: number;
    message?: string;
  }): Promise<void> {
    await this.store.saveProgress(this.current.operationId, this.owner, update, this.leaseMs);
    this.current = { ...this.current, ...update, updatedAt: this.clock.now().toISOString() };
    this.held = false;
  }

  private hold(update: { steps: OperationStep[]; currentStep: string | null; progress: number }): void {
    this.current = { ...this.current, ...update };
    this.held = true;
  }
}

function progressOf(steps: OperationStep[]): number {
  if (steps.length === 0) return 0;
  const completed = steps.filter((step) => step.status === 'COMPLETED').length;
  return Math.min(99, Math.round((completed / steps.length) * 100));
}
