import { setTimeout as sleep } from 'node:timers/promises';
import type {
  GitOpsPort,
  WorkflowAction,
  WorkflowFailureExcerpt,
  WorkflowRun,
} from '@bbws/integrations-gitops';
import { UpstreamError } from '@bbws/shared-errors';

export interface WorkflowTrackingOptions {
  /** How long one attempt follows the run before handing the operation back to the queue. */
  timeoutMs: number;
  pollIntervalMs: number;
}

/** The run failed: the same commit would fail again, so the operation fails (fix, then `/retry`). */
export class WorkflowFailedError extends UpstreamError {
  constructor(run: WorkflowRun, excerpt: WorkflowFailureExcerpt | undefined) {
    const where = excerpt ? ` in ${excerpt.jobName}${excerpt.stepName ? ` / ${excerpt.stepName}` : ''}` : '';
    const tail = excerpt?.lines.length ? `:\n${excerpt.lines.join('\n')}` : '';
    super(`The deploy workflow run ${run.id} ended ${run.conclusion ?? 'unknown'}${where}${tail}`, {
      code: 'WORKFLOW_FAILED',
      retryable: false,
      details: {
        runId: run.id,
        runUrl: run.htmlUrl,
        conclusion: run.conclusion,
        ...(excerpt ? { failureExcerpt: excerpt } : {}),
      },
    });
  }
}

/** The run did not finish (or appear) in time: retried later, the operation resumes at its step. */
export class WorkflowNotFinishedError extends UpstreamError {
  constructor(operationId: string, run: WorkflowRun | undefined) {
    super(
      run
        ? `Workflow run ${run.id} is still ${run.status}`
        : `No workflow run for operation ${operationId} appeared yet`,
      { code: 'WORKFLOW_NOT_FINISHED', retryable: true, details: { runId: run?.id ?? null } },
    );
  }
}

export interface DispatchRequest {
  environment: string;
  slug: string;
  action: WorkflowAction;
  operationId: string;
}

/**
 * The deploy workflow for one operation: dispatched at most once (a run named for the operation is
 * looked up first, so a worker that crashed after dispatching does not start a second one), then
 * followed until it completes.
 */
export class WorkflowRunTracker {
  constructor(
    private readonly gitops: GitOpsPort,
    private readonly options: WorkflowTrackingOptions,
  ) {}

  /** Dispatches unless a run of the operation exists; `dispatched: false` when one did. */
  async dispatchOnce(request: DispatchRequest): Promise<{ dispatched: boolean; runId: number | null }> {
    const existing = await this.gitops.findRun(request);
    if (existing) return { dispatched: false, runId: existing.id };
    await this.gitops.dispatch(request);
    return { dispatched: true, runId: null };
  }

  /**
   * Polls the operation's run until it completes; `onRun` sees every poll (status changes, ids, URLs).
   * A conclusion other than success throws {@link WorkflowFailedError} with the failed step's log tail.
   */
  async follow(
    environment: string,
    operationId: string,
    signal: AbortSignal,
    onRun: (run: WorkflowRun) => Promise<void>,
  ): Promise<WorkflowRun> {
    const deadline = Date.now() + this.options.timeoutMs;
    let run: WorkflowRun | undefined;
    for (;;) {
      signal.throwIfAborted();
      run = run
        ? await this.gitops.getRun(environment, run.id)
        : await this.gitops.findRun({ environment, operationId });
      if (run) await onRun(run);
      if (run?.status === 'completed') {
        if (run.conclusion === 'success') return run;
        throw new WorkflowFailedError(run, await this.gitops.failureExcerpt(environment, run.id));
      }
      if (Date.now() >= deadline) throw new WorkflowNotFinishedError(operationId, run);
      await sleep(this.options.pollIntervalMs, undefined, { signal });
    }
  }
}
