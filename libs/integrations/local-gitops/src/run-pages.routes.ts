import type { FastifyInstance } from 'fastify';
import { GitHubHttpError } from './github.presenter';
import type { RepositoryContext } from './repository.context';
import type { RunStore } from './run.store';

export interface RunPagesDeps {
  store: RunStore;
  contextOf(owner: string, repo: string): RepositoryContext | undefined;
  validSignature(environment: string, jobId: number, signature: string): boolean;
}

/** Paths outside the REST API, so they need no token: signed log downloads and the runs' html_url. */
export function isPublicPath(url: string): boolean {
  return !url.startsWith('/repos/');
}

/**
 * The pages GitHub serves outside its API: the signed job-log URL the logs endpoint redirects to, and
 * a plain-text stand-in for a run's html_url (status, conclusion and the job's log).
 */
export function registerRunPages(app: FastifyInstance, deps: RunPagesDeps): void {
  app.get('/_logs/:environment/jobs/:jobId', async (request, reply) => {
    const { environment, jobId } = request.params as { environment: string; jobId: string };
    const signature = (request.query as { sig?: string }).sig ?? '';
    if (!deps.validSignature(environment, Number(jobId), signature)) {
      throw new GitHubHttpError(403, 'Request has expired or the signature does not match');
    }
    const job = deps.store.findJob(environment, Number(jobId));
    if (!job) throw new GitHubHttpError(404, 'Not Found');
    return reply.type('text/plain; charset=utf-8').send(`${job.log.join('\n')}\n`);
  });

  app.get('/:owner/:repo/actions/runs/:runId', async (request, reply) => {
    const { owner, repo, runId } = request.params as { owner: string; repo: string; runId: string };
    const context = deps.contextOf(owner, repo);
    const run = context && deps.store.find(context.environment, Number(runId));
    if (!run) throw new GitHubHttpError(404, 'Not Found');
    const header = [
      `${run.workflowName} #${run.runNumber}: ${run.displayTitle}`,
      `status: ${run.status}${run.conclusion ? ` (${run.conclusion})` : ''}`,
      `commit: ${run.headSha} on ${run.headBranch}`,
      '',
    ];
    return reply.type('text/plain; charset=utf-8').send(`${[...header, ...run.job.log].join('\n')}\n`);
  });
}
