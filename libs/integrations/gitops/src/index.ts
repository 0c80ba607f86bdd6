export { DEFAULT_BRANCH_MOVE_RETRY, type BranchMoveRetry } from './folder-commit.writer';
export { gitBlobSha } from './git-object.util';
export {
  tenantFolder,
  type CommitInstanceInput,
  type DispatchInput,
  type FindRunInput,
  type GitOpsCommit,
  type GitOpsPort,
  type GitOpsRepositoryConfig,
  type RemoveInstanceInput,
  type WorkflowAction,
  type WorkflowFailureExcerpt,
  type WorkflowRun,
  type WorkflowRunStatus,
} from './gitops.port';
export { hclString } from './hcl.util';
export {
  INSTANCE_MODULE_SOURCE,
  SLUG_PATTERN,
  instanceStateKey,
  renderInstanceTerraform,
  type InstanceTerraformFiles,
  type InstanceTerraformVariables,
} from './instance-terraform.renderer';
export { OctokitGitOps, type OctokitGitOpsOptions } from './octokit-gitops.adapter';
