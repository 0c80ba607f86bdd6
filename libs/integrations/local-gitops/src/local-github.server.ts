import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { registerActionsRoutes } from './actions.routes';
import { GitRepository } from './git.repository';
import { registerGitDataRoutes } from './git-data.routes';
import { GitHubHttpError } from './github.presenter';
import type { LocalGitHubHooks, RepositoryContext } from './repository.context';
import { registerRunPages, isPublicPath } from './run-pages.routes';
import { RunStore } from './run.store';
import type { TerraformApplier } from './terraform-applier.port';
import { WorkflowRunner } from './workflow.runner';

export interface LocalRepositoryOptions {
  owner: string;
  repo: string;
  branch?: string;
}

export interface LocalGitHubServerOptions {
  /** Repositories live in `<dataDir>/gitops/{environment}`; runs in `<dataDir>/gitops/actions.json`. */
  dataDir: string;
  token: string;
  /** Hosting environment (as the callers name it) → repository. */
  repositories: Readonly<Record<string, LocalRepositoryOptions>>;
  applier: TerraformApplier;
  /** The repository template (tools/gitops-template), copied into each new repository. */
  templateDir: string;
  port?: number;
  host?: string;
  hooks?: LocalGitHubHooks;
}

/** One request as the server received it (tests assert what the adapter sends). */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** The last requests are kept for tests; a long-running local platform must not grow without bound. */
const MAX_RECORDED_REQUESTS = 1_000;
const TEMPLATE_AUTHOR = { name: 'BBWS Platform', email: 'platform@bbws.local' };

/**
 * A GitHub-compatible REST server (the Git Data and Actions subset the GitOps adapter uses) over real
 * bare git repositories, with a workflow runner that validates the tenant's Terraform and applies it
 * through the injected TerraformApplier.
 */
export class LocalGitHubServer {
  /** The last requests of the REST API, oldest first. */
  readonly requests: RecordedRequest[] = [];
  private app?: FastifyInstance;
  private runner?: WorkflowRunner;
  private readonly contexts = new Map<string, RepositoryContext>();
  private readonly logKey = randomBytes(32);
  private base = '';

  constructor(private readonly options: LocalGitHubServerOptions) {}

  get baseUrl(): string {
    return this.base;
  }

  /** The bare repository of an environment (tests inspect it with git). */
  repositoryDir(environment: string): string {
    return join(this.options.dataDir, 'gitops', environment.toLowerCase());
  }

  async start(): Promise<string> {
    const repositories = new Map<string, GitRepository>();
    for (const [environment, repository] of Object.entries(this.options.repositories)) {
      repositories.set(environment, await this.openRepository(environment, repository.branch ?? 'main'));
    }
    const store = new RunStore(join(this.options.dataDir, 'gitops', 'actions.json'));
    await store.load();
    this.runner = new WorkflowRunner(store, repositories, this.options.applier);

    const app = Fastify({ logger: false });
    app.addHook('onRequest', async (request) => {
      if (!isPublicPath(request.url)) this.authenticate(request);
    });
    app.addHook('preHandler', async (request) => {
      if (isPublicPath(request.url)) return;
      const [path, search = ''] = request.url.split('?');
      if (this.requests.length >= MAX_RECORDED_REQUESTS) this.requests.shift();
      this.requests.push({
        method: request.method,
        path,
        query: Object.fromEntries(new URLSearchParams(search)),
        body: request.body,
      });
    });
    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof GitHubHttpError) return reply.code(error.status).send(error.body());
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      const message =
        status === 400
          ? 'Problems parsing JSON'
          : status === 500
            ? 'Server Error'
            : String((error as Error).message);
      return reply.code(status).send(new GitHubHttpError(status, message).body());
    });
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send(new GitHubHttpError(404, 'Not Found').body()),
    );

    const repoOf = (request: FastifyRequest): RepositoryContext => this.contextOf(request);
    registerGitDataRoutes(app, repoOf, this.options.hooks ?? {});
    registerActionsRoutes(app, {
      repoOf,
      store,
      runner: this.runner,
      logUrl: (environment, jobId) => this.logUrl(environment, jobId),
    });
    registerRunPages(app, {
      store,
      contextOf: (owner, repo) => this.contexts.get(`${owner}/${repo}`.toLowerCase()),
      validSignature: (environment, jobId, signature) => this.validSignature(environment, jobId, signature),
    });

    const address = await app.listen({
      port: this.options.port ?? 0,
      host: this.options.host ?? '127.0.0.1',
    });
    this.app = app;
    this.base = address.replace('://[::1]', '://localhost');
    for (const [environment, repository] of Object.entries(this.options.repositories)) {
      const git = repositories.get(environment);
      if (!git) continue;
      const api = `${this.base}/repos/${repository.owner}/${repository.repo}`;
      this.contexts.set(`${repository.owner}/${repository.repo}`.toLowerCase(), {
        environment,
        owner: repository.owner,
        repo: repository.repo,
        branch: repository.branch ?? 'main',
        git,
        urls: { api, html: `${this.base}/${repository.owner}/${repository.repo}` },
      });
    }
    await this.runner.recover();
    return this.base;
  }

  /**
   * Stops accepting requests, then waits for the runs in progress; `abandonRuns` stops as a killed
   * process would, leaving them in progress for the next start to fail.
   */
  async stop(options: { abandonRuns?: boolean } = {}): Promise<void> {
    await this.app?.close();
    await this.runner?.stop(options.abandonRuns ?? false);
    this.app = undefined;
  }

  private async openRepository(environment: string, branch: string): Promise<GitRepository> {
    const dir = this.repositoryDir(environment);
    const exists = await access(join(dir, 'HEAD')).then(
      () => true,
      () => false,
    );
    if (exists) return new GitRepository(dir);
    const author = { ...TEMPLATE_AUTHOR, date: new Date().toISOString() };
    return GitRepository.createFromTemplate(dir, this.options.templateDir, branch, author);
  }

  private authenticate(request: FastifyRequest): void {
    const header = request.headers.authorization;
    if (!header) throw new GitHubHttpError(401, 'Requires authentication');
    const match = /^(?:bearer|token)\s+(.+)$/i.exec(header.trim());
    if (!match || !safeEqual(match[1], this.options.token)) throw new GitHubHttpError(401, 'Bad credentials');
  }

  private contextOf(request: FastifyRequest): RepositoryContext {
    const { owner, repo } = request.params as { owner: string; repo: string };
    const context = this.contexts.get(`${owner}/${repo}`.toLowerCase());
    if (!context)
      throw new GitHubHttpError(
        404,
        'Not Found',
        'https://docs.github.com/rest/repos/repos#get-a-repository',
      );
    return context;
  }

  private logUrl(environment: string, jobId: number): string {
    return `${this.base}/_logs/${encodeURIComponent(environment)}/jobs/${jobId}?sig=${this.signature(environment, jobId)}`;
  }

  private signature(environment: string, jobId: number): string {
    return createHmac('sha256', this.logKey).update(`${environment}/${jobId}`).digest('hex');
  }

  private validSignature(environment: string, jobId: number, sig: string): boolean {
    return safeEqual(sig, this.signature(environment, jobId));
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
