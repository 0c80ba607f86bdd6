import { Octokit } from '@octokit/rest';
import { InternalError } from '@bbws/shared-errors';
import { FolderCommitWriter, type BranchMoveRetry } from './folder-commit.writer';
import { mapGitHubError } from './github-error.mapper';
import {
  tenantFolder,
  type CommitInstanceInput,
  type DispatchInput,
  type FindRunInput,
  type GitOpsCommit,
  type GitOpsPort,
  type GitOpsRepositoryConfig,
  type RemoveInstanceInput,
  type WorkflowFailureExcerpt,
  type WorkflowRun,
} from './gitops.port';
import { WorkflowRunsReader } from './workflow-runs.reader';

export interface OctokitGitOpsOptions {
  /** One repository per hosting environment, keyed as the callers name the environment (DEV, SIT, PROD). */
  environments: Readonly<Record<string, GitOpsRepositoryConfig>>;
  branchMoveRetry?: BranchMoveRetry;
  userAgent?: string;
}

interface EnvironmentClients {
  config: GitOpsRepositoryConfig;
  octokit: Octokit;
  writer: FolderCommitWriter;
  runs: WorkflowRunsReader;
}

/** The GitOps port on GitHub's REST API (or any server speaking that subset, like the local one). */
export class OctokitGitOps implements GitOpsPort {
  private readonly clients = new Map<string, EnvironmentClients>();

  constructor(options: OctokitGitOpsOptions) {
    for (const [environment, config] of Object.entries(options.environments)) {
      const octokit = new Octokit({
        auth: config.token,
        baseUrl: config.baseUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'bbws-gitops',
        // Failed requests are mapped to our errors and reported by the caller; Octokit would also print them.
        log: { debug: ignore, info: ignore, warn: console.warn, error: ignore },
      });
      this.clients.set(environment, {
        config,
        octokit,
        writer: new FolderCommitWriter(octokit, config, options.branchMoveRetry),
        runs: new WorkflowRunsReader(octokit, config),
      });
    }
  }

  commitInstance(input: CommitInstanceInput): Promise<GitOpsCommit> {
    const message = namingOperation(input.message, input.operationId);
    return this.client(input.environment).writer.write(tenantFolder(input.slug), input.files, message);
  }

  removeInstance(input: RemoveInstanceInput): Promise<GitOpsCommit> {
    const message = namingOperation(input.message, input.operationId);
    return this.client(input.environment).writer.write(tenantFolder(input.slug), {}, message);
  }

  async dispatch(input: DispatchInput): Promise<void> {
    const { config, octokit } = this.client(input.environment);
    try {
      await octokit.rest.actions.createWorkflowDispatch({
        owner: config.owner,
        repo: config.repo,
        workflow_id: config.workflowFile,
        ref: config.branch,
        inputs: { tenant_slug: input.slug, action: input.action, operation_id: input.operationId },
      });
    } catch (error) {
      throw mapGitHubError(error, 'WORKFLOW', config.workflowFile);
    }
  }

  findRun(input: FindRunInput): Promise<WorkflowRun | undefined> {
    return this.client(input.environment).runs.find(input.operationId, input.createdAfter);
  }

  getRun(environment: string, runId: number): Promise<WorkflowRun> {
    return this.client(environment).runs.get(runId);
  }

  failureExcerpt(environment: string, runId: number): Promise<WorkflowFailureExcerpt | undefined> {
    return this.client(environment).runs.failureExcerpt(runId);
  }

  private client(environment: string): EnvironmentClients {
    const client = this.clients.get(environment);
    if (!client) throw new InternalError(`No GitOps repository is configured for environment ${environment}`);
    return client;
  }
}

/** The commit message, with an `Operation:` trailer unless it names the operation already. */
export function namingOperation(message: string, operationId: string): string {
  return message.includes(operationId) ? message : `${message.trimEnd()}\n\nOperation: ${operationId}`;
}

function ignore(): void {
  // intentionally silent
}
