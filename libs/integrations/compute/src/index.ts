export { COMPUTE_PORT } from './compute.port';
export type * from './compute.port';
export { computeConfigFor, type ComputeConfig, type ComputeEnvironmentConfig } from './compute.config';
export { AwsComputeAdapter, createComputeAdapter, FORWARD_TARGET_TAG } from './aws-compute.adapter';
export { maintenancePage } from './maintenance-page';
export { WORDPRESS_CONTAINER } from './ecs-one-off-tasks';
export { ARCHIVE_TASK } from './archive-task';
export {
  HOST_VALUES_PER_RULE,
  planHostAddition,
  planHostRemoval,
  type HostRule,
  type HostRuleChange,
} from './host-rules.planner';
export { ListenerRulesExhaustedError } from './listener-rules-exhausted.error';
export { SITE_HOSTS_TAG, type SiteHostRulesOptions } from './site-host-rules';
