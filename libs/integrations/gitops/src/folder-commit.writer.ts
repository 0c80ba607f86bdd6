import type { Octokit } from '@octokit/rest';
import { UpstreamError } from '@bbws/shared-errors';
import { ExponentialBackoff, handleWhen, retry, type RetryPolicy } from 'cockatiel';
import type { GitOpsCommit, GitOpsRepositoryConfig } from './gitops.port';
import { gitBlobSha } from './git-object.util';
import { isStatus, mapGitHubError } from './github-error.mapper';

/** A file of the folder at the branch head: path relative to the folder, blob sha. */
export interface FolderFile {
  path: string;
  sha: string;
}

export interface BranchMoveRetry {
  /** Attempts after the first when the branch moved between reading the head and updating it. */
  maxRetries: number;
  initialDelayMs: number;
}

export const DEFAULT_BRANCH_MOVE_RETRY: BranchMoveRetry = { maxRetries: 5, initialDelayMs: 50 };

type TreeEntry = { path: string; mode: '100644'; type: 'blob'; sha: string | null };

/**
 * Writes one folder of the repository in one commit through the Git Data API (blobs, tree on the
 * head's tree, commit, fast-forward ref update). A 422 on the ref update means the branch moved:
 * the change is rebuilt on the new head. A folder that already matches makes no commit.
 */
export class FolderCommitWriter {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly octokit: Octokit,
    private readonly config: GitOpsRepositoryConfig,
    branchMoveRetry: BranchMoveRetry = DEFAULT_BRANCH_MOVE_RETRY,
  ) {
    this.policy = retry(
      handleWhen((error) => isStatus(error, 422)),
      {
        maxAttempts: branchMoveRetry.maxRetries,
        backoff: new ExponentialBackoff({ initialDelay: branchMoveRetry.initialDelayMs, maxDelay: 2_000 }),
      },
    );
  }

  /** Makes `folder` hold exactly `files` (name → content); no files = delete the folder. */
  async write(
    folder: string,
    files: Readonly<Record<string, string>>,
    message: string,
  ): Promise<GitOpsCommit> {
    try {
      return await this.policy.execute(() => this.attempt(folder, files, message));
    } catch (error) {
      if (isStatus(error, 422)) {
        throw new UpstreamError(`The branch ${this.config.branch} kept moving; the commit was not written`, {
          code: 'GITOPS_BRANCH_MOVED',
          upstreamStatus: 422,
          retryable: true,
        });
      }
      throw mapGitHubError(error, 'GITOPS_BRANCH', this.config.branch);
    }
  }

  private async attempt(
    folder: string,
    files: Readonly<Record<string, string>>,
    message: string,
  ): Promise<GitOpsCommit> {
    const repo = this.repoParams();
    const ref = await this.octokit.rest.git.getRef({ ...repo, ref: `heads/${this.config.branch}` });
    const head = ref.data.object.sha;
    const headCommit = await this.octokit.rest.git.getCommit({ ...repo, commit_sha: head });
    const baseTree = headCommit.data.tree.sha;
    const current = await this.folderFiles(baseTree, folder);
    const entries = await this.changes(folder, current, files);
    if (entries.length === 0) return { sha: head, created: false };

    const tree = await this.octokit.rest.git.createTree({ ...repo, base_tree: baseTree, tree: entries });
    const commit = await this.octokit.rest.git.createCommit({
      ...repo,
      message,
      tree: tree.data.sha,
      parents: [head],
      author: { name: this.config.author.name, email: this.config.author.email },
    });
    await this.octokit.rest.git.updateRef({
      ...repo,
      ref: `heads/${this.config.branch}`,
      sha: commit.data.sha,
      force: false,
    });
    return { sha: commit.data.sha, created: true };
  }

  /** Tree entries turning `current` into `files`: new or changed blobs, deletions of the rest. */
  private async changes(
    folder: string,
    current: FolderFile[],
    files: Readonly<Record<string, string>>,
  ): Promise<TreeEntry[]> {
    const existing = new Map(current.map((file) => [file.path, file.sha]));
    const entries: TreeEntry[] = [];
    for (const [name, content] of Object.entries(files)) {
      if (existing.get(name) === gitBlobSha(content)) continue;
      const blob = await this.octokit.rest.git.createBlob({
        ...this.repoParams(),
        content,
        encoding: 'utf-8',
      });
      entries.push({ path: `${folder}/${name}`, mode: '100644', type: 'blob', sha: blob.data.sha });
    }
    for (const file of current) {
      if (!(file.path in files))
        entries.push({ path: `${folder}/${file.path}`, mode: '100644', type: 'blob', sha: null });
    }
    return entries;
  }

  /** The blobs under `folder` in the tree `rootTree` (walks the path one tree at a time). */
  private async folderFiles(rootTree: string, folder: string): Promise<FolderFile[]> {
    let treeSha = rootTree;
    for (const segment of folder.split('/')) {
      const tree = await this.octokit.rest.git.getTree({ ...this.repoParams(), tree_sha: treeSha });
      const entry = tree.data.tree.find((item) => item.path === segment && item.type === 'tree');
      if (!entry?.sha) return [];
      treeSha = entry.sha;
    }
    const folderTree = await this.octokit.rest.git.getTree({
      ...this.repoParams(),
      tree_sha: treeSha,
      recursive: 'true',
    });
    return folderTree.data.tree
      .filter((item) => item.type === 'blob' && item.path && item.sha)
      .map((item) => ({ path: item.path as string, sha: item.sha as string }));
  }

  private repoParams(): { owner: string; repo: string } {
    return { owner: this.config.owner, repo: this.config.repo };
  }
}
