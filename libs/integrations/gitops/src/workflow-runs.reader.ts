import type { Octokit } from '@octokit/rest';
import type {
  GitOpsRepositoryConfig,
  WorkflowFailureExcerpt,
  WorkflowRun,
  WorkflowRunStatus,
} from './gitops.port';
import { mapGitHubError } from './github-error.mapper';

export const EXCERPT_LINES = 40;

interface RunData {
  id: number;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  created_at: string;
  display_title?: string;
  name?: string | null;
}

/** Runs and jobs of the deploy workflow through the Actions API. */
export class WorkflowRunsReader {
  constructor(
    private readonly octokit: Octokit,
    private readonly config: GitOpsRepositoryConfig,
  ) {}

  async find(operationId: string, createdAfter?: string): Promise<WorkflowRun | undefined> {
    try {
      const response = await this.octokit.rest.actions.listWorkflowRuns({
        ...this.repoParams(),
        workflow_id: this.config.workflowFile,
        event: 'workflow_dispatch',
        per_page: 100,
        // GitHub's search syntax takes times to the second.
        ...(createdAfter ? { created: `>=${createdAfter.replace(/\.\d+Z$/, 'Z')}` } : {}),
      });
      const run = response.data.workflow_runs.find((candidate) =>
        (candidate.display_title ?? candidate.name ?? '').includes(operationId),
      );
      return run ? toWorkflowRun(run) : undefined;
    } catch (error) {
      throw mapGitHubError(error, 'WORKFLOW', this.config.workflowFile);
    }
  }

  async get(runId: number): Promise<WorkflowRun> {
    try {
      const response = await this.octokit.rest.actions.getWorkflowRun({
        ...this.repoParams(),
        run_id: runId,
      });
      return toWorkflowRun(response.data);
    } catch (error) {
      throw mapGitHubError(error, 'WORKFLOW_RUN', String(runId));
    }
  }

  async failureExcerpt(runId: number): Promise<WorkflowFailureExcerpt | undefined> {
    try {
      const jobs = await this.octokit.rest.actions.listJobsForWorkflowRun({
        ...this.repoParams(),
        run_id: runId,
        filter: 'latest',
        per_page: 100,
      });
      const job = jobs.data.jobs.find((candidate) => candidate.conclusion === 'failure');
      if (!job) return undefined;
      const step = job.steps?.find((candidate) => candidate.conclusion === 'failure');
      const log = await this.octokit.rest.actions.downloadJobLogsForWorkflowRun({
        ...this.repoParams(),
        job_id: job.id,
      });
      return { jobName: job.name, ...(step ? { stepName: step.name } : {}), lines: logTail(log.data) };
    } catch (error) {
      throw mapGitHubError(error, 'WORKFLOW_RUN', String(runId));
    }
  }

  private repoParams(): { owner: string; repo: string } {
    return { owner: this.config.owner, repo: this.config.repo };
  }
}

function toWorkflowRun(run: RunData): WorkflowRun {
  return {
    id: run.id,
    status: toStatus(run.status),
    conclusion: run.conclusion,
    htmlUrl: run.html_url,
    createdAt: run.created_at,
  };
}

/** GitHub also reports waiting, requested and pending runs: none has started, so they count as queued. */
function toStatus(status: string | null): WorkflowRunStatus {
  if (status === 'completed' || status === 'in_progress') return status;
  return 'queued';
}

function logTail(data: unknown): string[] {
  const text = typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8');
  return text.replace(/\n+$/, '').split('\n').slice(-EXCERPT_LINES);
}
