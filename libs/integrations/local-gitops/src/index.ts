export { GitRepository, type GitCommitObject, type GitTreeEntry } from './git.repository';
export {
  LocalGitHubServer,
  type LocalGitHubServerOptions,
  type LocalRepositoryOptions,
  type RecordedRequest,
} from './local-github.server';
export type { LocalGitHubHooks } from './repository.context';
export type { TerraformAction, TerraformApplier, TerraformApplyInput } from './terraform-applier.port';
export { findGitOpsTemplateDir, GITOPS_TEMPLATE_PATH } from './template.locator';
export { TerraformValidationError, validateTenant } from './terraform.validator';
export {
  inputsProblem,
  parseWorkflow,
  substituteInputs,
  type WorkflowDefinition,
} from './workflow.definition';
