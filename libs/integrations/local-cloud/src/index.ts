export { ArchiveTaskRunner } from './archive-task.runner';
export {
  DataPlaneTerraformApplier,
  DEFAULT_NETWORK_ADMIN_EMAIL,
  type DataPlaneTerraformApplierOptions,
} from './data-plane.applier';
export { instanceSpec, type InstanceSpec } from './instance-variables';
export {
  startLocalCloud,
  type LocalCloud,
  type LocalCloudEndpoints,
  type LocalCloudOptions,
  type LocalCloudPorts,
} from './local-cloud';
