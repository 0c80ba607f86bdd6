export { COMPUTE_PORT } from './compute.port';
export type * from './compute.port';
export { computeConfigFor, type ComputeConfig, type ComputeEnvironmentConfig } from './compute.config';
export { AwsComputeAdapter, createComputeAdapter, FORWARD_TARGET_TAG } from './aws-compute.adapter';
export { maintenancePage } from './maintenance-page';
export { WORDPRESS_CONTAINER } from './ecs-one-off-tasks';
export { ARCHIVE_TASK } from './archive-task';
