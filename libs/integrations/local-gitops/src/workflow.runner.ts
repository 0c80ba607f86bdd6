import type { GitRepository } from './git.repository';
import type { RunRecord, RunStore, StepRecord } from './run.store';
import type { TerraformAction, TerraformApplier } from './terraform-applier.port';
import { TerraformValidationError, validateTenant } from './terraform.validator';

const ACTIONS: readonly TerraformAction[] = ['plan', 'apply', 'destroy'];

/**
 * Acts like GitHub Actions for the deploy workflow: runs of one concurrency group one at a time in
 * dispatch order, each queued → in_progress → completed with its steps, conclusion and log.
 */
export class WorkflowRunner {
  private readonly busyGroups = new Set<string>();
  private readonly active = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly store: RunStore,
    private readonly repositories: ReadonlyMap<string, GitRepository>,
    private readonly applier: TerraformApplier,
  ) {}

  /** After a restart: runs that were in progress fail (their runner is gone), queued ones run. */
  async recover(): Promise<void> {
    for (const run of this.store.runs().filter((candidate) => candidate.status === 'in_progress')) {
      const step = run.job.steps.find((candidate) => candidate.status === 'in_progress');
      this.log(run, '##[error]The runner was restarted while this job was running; the job was abandoned.');
      this.finish(run, step, 'failure');
    }
    await this.store.save();
    for (const group of new Set(this.queued().map((run) => run.concurrencyGroup))) this.schedule(group);
  }

  async enqueue(run: RunRecord): Promise<void> {
    await this.store.add(run);
    this.schedule(run.concurrencyGroup);
  }

  /** No new run starts; waits for the runs in progress unless they are abandoned (left in progress on disk). */
  async stop(abandonRuns = false): Promise<void> {
    this.stopped = true;
    if (abandonRuns) {
      await this.store.detach();
      return;
    }
    while (this.active.size) await Promise.allSettled([...this.active]);
  }

  private queued(): RunRecord[] {
    return this.store.runs().filter((run) => run.status === 'queued');
  }

  private schedule(group: string): void {
    if (this.stopped || this.busyGroups.has(group)) return;
    const next = this.queued().find((run) => run.concurrencyGroup === group);
    if (!next) return;
    this.busyGroups.add(group);
    const execution = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.execute(next))
      .finally(() => {
        this.busyGroups.delete(group);
        this.active.delete(execution);
        this.schedule(group);
      });
    this.active.add(execution);
  }

  private async execute(run: RunRecord): Promise<void> {
    const now = new Date().toISOString();
    Object.assign(run, { status: 'in_progress', runStartedAt: now, updatedAt: now });
    Object.assign(run.job, { status: 'in_progress', startedAt: now });
    await this.store.save();
    const slug = run.inputs['tenant_slug'] ?? '';
    const action = run.inputs['action'] as TerraformAction;
    let variables: Record<string, unknown> = {};
    const steps: Array<[StepRecord, () => Promise<string[]>]> = [
      [run.job.steps[0], async () => [`Runner: local GitOps runner`, `Job: ${run.job.name}`]],
      [run.job.steps[1], async () => [`Checked out ${run.headSha} (${run.headBranch})`]],
      [
        run.job.steps[2],
        async () => {
          const repository = this.repositories.get(run.environment);
          if (!repository) throw new Error(`No repository for environment ${run.environment}`);
          const validated = await validateTenant(repository, run.headSha, slug);
          variables = validated.variables;
          return validated.log;
        },
      ],
      [
        run.job.steps[3],
        async () => {
          if (!ACTIONS.includes(action)) throw new Error(`Unknown action ${String(action)}`);
          const result = await this.applier[action]({
            environment: run.environment,
            slug,
            variables,
            operationId: run.inputs['operation_id'] ?? '',
          });
          return result.log;
        },
      ],
    ];
    for (const [step, body] of steps) {
      if (!(await this.runStep(run, step, body))) {
        this.finish(run, step, 'failure');
        await this.store.save();
        return;
      }
    }
    const complete = run.job.steps[4];
    this.startStep(run, complete);
    this.log(run, 'Cleaning up orphan processes');
    this.finish(run, undefined, 'success');
    await this.store.save();
  }

  private async runStep(run: RunRecord, step: StepRecord, body: () => Promise<string[]>): Promise<boolean> {
    this.startStep(run, step);
    await this.store.save();
    try {
      for (const line of await body()) this.log(run, line);
      this.log(run, '##[endgroup]');
      Object.assign(step, {
        status: 'completed',
        conclusion: 'success',
        completedAt: new Date().toISOString(),
      });
      return true;
    } catch (error) {
      const lines =
        error instanceof TerraformValidationError ? error.lines : [(error as Error).message ?? String(error)];
      for (const line of lines) this.log(run, `##[error]${line}`);
      this.log(run, '##[error]Process completed with exit code 1.');
      return false;
    }
  }

  private startStep(run: RunRecord, step: StepRecord): void {
    Object.assign(step, { status: 'in_progress', startedAt: new Date().toISOString() });
    this.log(run, `##[group]${step.name}`);
  }

  /** Completes the run: `failed` (if any) fails, later steps are skipped. */
  private finish(run: RunRecord, failed: StepRecord | undefined, conclusion: 'success' | 'failure'): void {
    const now = new Date().toISOString();
    for (const step of run.job.steps) {
      if (step === failed)
        Object.assign(step, { status: 'completed', conclusion: 'failure', completedAt: now });
      else if (step.status !== 'completed') {
        const ran = step.status === 'in_progress';
        Object.assign(step, {
          status: 'completed',
          conclusion: ran ? conclusion : 'skipped',
          completedAt: now,
        });
      }
    }
    Object.assign(run.job, { status: 'completed', conclusion, completedAt: now });
    Object.assign(run, { status: 'completed', conclusion, updatedAt: now });
  }

  private log(run: RunRecord, line: string): void {
    const stamp = new Date().toISOString().replace('Z', '0000Z');
    for (const part of line.split('\n')) run.job.log.push(`${stamp} ${part}`);
  }
}

export function jobSteps(action: string): StepRecord[] {
  return ['Set up job', 'Check out', 'Terraform validate', `Terraform ${action}`, 'Complete job'].map(
    (name, index) => ({
      name,
      number: index + 1,
      status: 'queued',
      conclusion: null,
      startedAt: null,
      completedAt: null,
    }),
  );
}
