import type { GitCommitObject, GitIdentity, GitTreeEntry } from './git.repository';
import type { RunRecord } from './run.store';

/** Builds GitHub's URLs for one repository on this server. */
export interface RepoUrls {
  api: string;
  html: string;
}

export const DOCS = 'https://docs.github.com/rest';

/** An answer other than success, with GitHub's error body `{ message, documentation_url, status }`. */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl = DOCS,
  ) {
    super(message);
  }

  body(): { message: string; documentation_url: string; status: string } {
    return { message: this.message, documentation_url: this.documentationUrl, status: String(this.status) };
  }
}

export function refJson(urls: RepoUrls, ref: string, sha: string) {
  return {
    ref,
    node_id: Buffer.from(`ref:${ref}`).toString('base64'),
    url: `${urls.api}/git/${ref}`,
    object: { sha, type: 'commit', url: `${urls.api}/git/commits/${sha}` },
  };
}

export function treeJson(urls: RepoUrls, sha: string, entries: GitTreeEntry[]) {
  return {
    sha,
    url: `${urls.api}/git/trees/${sha}`,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${urls.api}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    })),
    truncated: false,
  };
}

export function commitJson(urls: RepoUrls, commit: GitCommitObject) {
  const identity = (who: GitIdentity) => ({ name: who.name, email: who.email, date: who.date });
  return {
    sha: commit.sha,
    node_id: Buffer.from(`commit:${commit.sha}`).toString('base64'),
    url: `${urls.api}/git/commits/${commit.sha}`,
    html_url: `${urls.html}/commit/${commit.sha}`,
    author: identity(commit.author),
    committer: identity(commit.committer),
    message: commit.message.replace(/\n$/, ''),
    tree: { sha: commit.tree, url: `${urls.api}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${urls.api}/git/commits/${sha}`,
      html_url: `${urls.html}/commit/${sha}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function runJson(urls: RepoUrls, run: RunRecord) {
  return {
    id: run.id,
    name: run.workflowName,
    display_title: run.displayTitle,
    node_id: Buffer.from(`run:${run.id}`).toString('base64'),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.workflowPath,
    run_number: run.runNumber,
    run_attempt: 1,
    event: 'workflow_dispatch',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId(run.workflowPath),
    url: `${urls.api}/actions/runs/${run.id}`,
    html_url: `${urls.html}/actions/runs/${run.id}`,
    jobs_url: `${urls.api}/actions/runs/${run.id}/jobs`,
    logs_url: `${urls.api}/actions/runs/${run.id}/logs`,
    workflow_url: `${urls.api}/actions/workflows/${workflowId(run.workflowPath)}`,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.runStartedAt ?? run.createdAt,
  };
}

export function jobJson(urls: RepoUrls, run: RunRecord) {
  const job = run.job;
  return {
    id: job.id,
    run_id: run.id,
    run_url: `${urls.api}/actions/runs/${run.id}`,
    node_id: Buffer.from(`job:${job.id}`).toString('base64'),
    head_sha: run.headSha,
    head_branch: run.headBranch,
    workflow_name: run.workflowName,
    url: `${urls.api}/actions/jobs/${job.id}`,
    html_url: `${urls.html}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: run.createdAt,
    started_at: job.startedAt ?? run.createdAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: step.startedAt,
      completed_at: step.completedAt,
    })),
    labels: ['ubuntu-latest'],
    runner_name: 'bbws-local-runner',
    run_attempt: 1,
  };
}

/** A stable numeric id for a workflow file (GitHub gives each workflow one). */
export function workflowId(path: string): number {
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 1_000_000_000;
}
