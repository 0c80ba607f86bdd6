export type WorkflowAction = 'plan' | 'apply' | 'destroy';
export type WorkflowRunStatus = 'queued' | 'in_progress' | 'completed';

/** One hosting environment's GitOps repository and how the platform writes to it. */
export interface GitOpsRepositoryConfig {
  /** REST API root: https://api.github.com, or the local GitHub-compatible server. */
  baseUrl: string;
  token: string;
  owner: string;
  repo: string;
  branch: string;
  /** Workflow file name (its id in the Actions API), e.g. `deploy-tenant.yml`. */
  workflowFile: string;
  author: { name: string; email: string };
}

export interface CommitInstanceInput {
  environment: string;
  slug: string;
  /** File name → content, written to `tenants/{slug}/{name}`. */
  files: Readonly<Record<string, string>>;
  operationId: string;
  message: string;
}

export interface RemoveInstanceInput {
  environment: string;
  slug: string;
  operationId: string;
  message: string;
}

/** `created: false` when the branch already held the change (no new commit; `sha` is the head). */
export interface GitOpsCommit {
  sha: string;
  created: boolean;
}

export interface DispatchInput {
  environment: string;
  slug: string;
  action: WorkflowAction;
  operationId: string;
}

export interface FindRunInput {
  environment: string;
  operationId: string;
  createdAfter?: string;
}

export interface WorkflowRun {
  id: number;
  status: WorkflowRunStatus;
  /** Set once completed: success, failure, cancelled, timed_out, ... */
  conclusion: string | null;
  htmlUrl: string;
  createdAt: string;
}

export interface WorkflowFailureExcerpt {
  jobName: string;
  /** The first failed step, when the job reports one. */
  stepName?: string;
  /** The last lines of the failed job's log. */
  lines: string[];
}

/** The environment's GitOps repository and its deploy workflow. */
export interface GitOpsPort {
  commitInstance(input: CommitInstanceInput): Promise<GitOpsCommit>;
  removeInstance(input: RemoveInstanceInput): Promise<GitOpsCommit>;
  dispatch(input: DispatchInput): Promise<void>;
  /**
   * The run whose name contains the operation id, or undefined when none was created yet.
   * `createdAfter` (ISO time, e.g. just before the dispatch) narrows the search on busy repositories.
   */
  findRun(input: FindRunInput): Promise<WorkflowRun | undefined>;
  getRun(environment: string, runId: number): Promise<WorkflowRun>;
  /** The failed job's failed step and log tail; undefined when no job failed. */
  failureExcerpt(environment: string, runId: number): Promise<WorkflowFailureExcerpt | undefined>;
}

export function tenantFolder(slug: string): string {
  return `tenants/${slug}`;
}
