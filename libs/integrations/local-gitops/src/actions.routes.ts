import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GitHubHttpError, jobJson, runJson, workflowId } from './github.presenter';
import type { RepositoryContext } from './repository.context';
import type { RunRecord, RunStore } from './run.store';
import {
  inputsProblem,
  parseWorkflow,
  substituteInputs,
  withDefaults,
  type WorkflowDefinition,
} from './workflow.definition';
import { jobSteps, type WorkflowRunner } from './workflow.runner';

type RepoLookup = (request: FastifyRequest) => RepositoryContext;

const DOC = 'https://docs.github.com/rest/actions';

export interface ActionsRoutesDeps {
  repoOf: RepoLookup;
  store: RunStore;
  runner: WorkflowRunner;
  /** A URL serving the job's log without credentials (GitHub redirects to a signed, short-lived one). */
  logUrl(environment: string, jobId: number): string;
}

/** Workflow dispatch, workflow runs, jobs and job logs. */
export function registerActionsRoutes(app: FastifyInstance, deps: ActionsRoutesDeps): void {
  const { repoOf, store, runner } = deps;

  app.post('/repos/:owner/:repo/actions/workflows/:workflowId/dispatches', async (request, reply) => {
    const context = repoOf(request);
    const body = (request.body ?? {}) as { ref?: unknown; inputs?: unknown };
    if (typeof body.ref !== 'string')
      throw new GitHubHttpError(
        422,
        'Invalid request.\n\n"ref" wasn\'t supplied.',
        `${DOC}/workflows#create-a-workflow-dispatch-event`,
      );
    const branch = body.ref.replace(/^refs\/heads\//, '');
    const headSha = await context.git.resolve(`refs/heads/${branch}`, 'commit');
    if (!headSha)
      throw new GitHubHttpError(
        422,
        `No ref found for: ${body.ref}`,
        `${DOC}/workflows#create-a-workflow-dispatch-event`,
      );
    const workflow = await loadWorkflow(
      context,
      headSha,
      (request.params as { workflowId: string }).workflowId,
    );
    const given = stringInputs(body.inputs);
    const problem = inputsProblem(workflow, given);
    if (problem) throw new GitHubHttpError(422, problem, `${DOC}/workflows#create-a-workflow-dispatch-event`);
    const inputs = withDefaults(workflow, given);
    await runner.enqueue(newRun(store, context, workflow, branch, headSha, inputs));
    return reply.code(204).send();
  });

  const listRuns = (request: FastifyRequest, workflowFilter?: string) => {
    const context = repoOf(request);
    const query = request.query as Record<string, string | undefined>;
    if (query['event'] && query['event'] !== 'workflow_dispatch')
      return { total_count: 0, workflow_runs: [] };
    const runs = store
      .runs()
      .filter((run) => run.environment === context.environment)
      .filter((run) => !workflowFilter || run.workflowPath === workflowFilter)
      .filter(
        (run) => !query['status'] || run.status === query['status'] || run.conclusion === query['status'],
      )
      .filter((run) => !query['branch'] || run.headBranch === query['branch'])
      .filter((run) => matchesCreated(run.createdAt, query['created']))
      .sort((a, b) => b.id - a.id);
    const perPage = Math.min(Math.max(Number(query['per_page'] ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query['page'] ?? 1) || 1, 1);
    return {
      total_count: runs.length,
      workflow_runs: runs
        .slice((page - 1) * perPage, page * perPage)
        .map((run) => runJson(context.urls, run)),
    };
  };

  app.get('/repos/:owner/:repo/actions/runs', async (request) => listRuns(request));

  app.get('/repos/:owner/:repo/actions/workflows/:workflowId/runs', async (request) => {
    const context = repoOf(request);
    const workflow = await loadWorkflow(
      context,
      `refs/heads/${context.branch}`,
      (request.params as { workflowId: string }).workflowId,
    );
    return listRuns(request, workflow.path);
  });

  app.get('/repos/:owner/:repo/actions/runs/:runId', async (request) => {
    const context = repoOf(request);
    return runJson(context.urls, findRun(store, context, request));
  });

  app.get('/repos/:owner/:repo/actions/runs/:runId/jobs', async (request) => {
    const context = repoOf(request);
    const run = findRun(store, context, request);
    return { total_count: 1, jobs: [jobJson(context.urls, run)] };
  });

  app.get('/repos/:owner/:repo/actions/jobs/:jobId/logs', async (request, reply) => {
    const context = repoOf(request);
    const jobId = Number((request.params as { jobId: string }).jobId);
    if (!store.findJob(context.environment, jobId))
      throw new GitHubHttpError(
        404,
        'Not Found',
        `${DOC}/workflow-jobs#download-job-logs-for-a-workflow-run`,
      );
    return reply.code(302).header('location', deps.logUrl(context.environment, jobId)).send();
  });
}

function findRun(store: RunStore, context: RepositoryContext, request: FastifyRequest): RunRecord {
  const run = store.find(context.environment, Number((request.params as { runId: string }).runId));
  if (!run) throw new GitHubHttpError(404, 'Not Found', `${DOC}/workflow-runs#get-a-workflow-run`);
  return run;
}

/** A workflow by file name or numeric id, read at `commit` (a commit id or ref). */
async function loadWorkflow(
  context: RepositoryContext,
  commit: string,
  id: string,
): Promise<WorkflowDefinition> {
  const entries = await context.git.listTree(`${commit}:.github/workflows`, false).catch(() => []);
  const entry = entries.find(
    (candidate) => candidate.path === id || String(workflowId(`.github/workflows/${candidate.path}`)) === id,
  );
  if (!entry || entry.type !== 'blob')
    throw new GitHubHttpError(404, 'Not Found', `${DOC}/workflows#get-a-workflow`);
  const path = `.github/workflows/${entry.path}`;
  return parseWorkflow(path, await context.git.readBlob(entry.sha));
}

function newRun(
  store: RunStore,
  context: RepositoryContext,
  workflow: WorkflowDefinition,
  branch: string,
  headSha: string,
  inputs: Record<string, string>,
): RunRecord {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = store.nextId();
  return {
    id,
    runNumber: store.nextRunNumber(context.environment, workflow.path),
    environment: context.environment,
    workflowPath: workflow.path,
    workflowName: workflow.name,
    displayTitle: workflow.runName ? substituteInputs(workflow.runName, inputs) : workflow.name,
    headBranch: branch,
    headSha,
    inputs,
    concurrencyGroup: `${context.environment}:${workflow.concurrencyGroup ? substituteInputs(workflow.concurrencyGroup, inputs) : `run-${id}`}`,
    status: 'queued',
    conclusion: null,
    createdAt: now,
    updatedAt: now,
    runStartedAt: null,
    job: {
      id: id * 10 + 1,
      name: substituteInputs(workflow.jobName, inputs),
      status: 'queued',
      conclusion: null,
      startedAt: null,
      completedAt: null,
      steps: jobSteps(inputs['action'] ?? 'run'),
      log: [],
    },
  };
}

function stringInputs(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([key, input]) => [key, String(input)]));
}

/** GitHub's `created` filter: `>=T`, `>T`, `<=T`, `<T`, `A..B` or a date prefix. */
function matchesCreated(createdAt: string, filter: string | undefined): boolean {
  if (!filter) return true;
  const at = Date.parse(createdAt);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) return at >= Date.parse(range[1]) && at <= Date.parse(range[2]);
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(filter);
  if (!comparison) return createdAt.startsWith(filter);
  const bound = Date.parse(comparison[2]);
  switch (comparison[1]) {
    case '>=':
      return at >= Math.floor(bound / 1000) * 1000;
    case '>':
      return at > bound;
    case '<=':
      return at <= bound;
    default:
      return at < bound;
  }
}
