import type { GitRepository } from './git.repository';
import type { RepoUrls } from './github.presenter';

/** One hosting environment's repository as the routes see it. */
export interface RepositoryContext {
  environment: string;
  owner: string;
  repo: string;
  branch: string;
  git: GitRepository;
  urls: RepoUrls;
}

export interface LocalGitHubHooks {
  /** Called after the adapter's commit exists and before the ref moves (tests move the branch here). */
  beforeRefUpdate?(context: { environment: string; ref: string; sha: string }): Promise<void>;
}
