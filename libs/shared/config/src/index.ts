export { API_ROUTES } from './api-routes';
export { ConfigError, loadConfig } from './load-config';
export { booleanVar, optionalUrl, portVar, stageVar, z, type Stage } from './env-types';
export {
  LOCAL_API_APPS,
  LOCAL_HOST,
  LOCAL_PORTS,
  LOCAL_SERVICE_PORTS,
  localUrl,
  type LocalApiApp,
  type LocalAppName,
} from './local-ports';
export {
  HOSTING_ENVIRONMENT_NAMES,
  INSTANCE_TIERS,
  PROD_MIN_DESIRED_COUNT,
  desiredCountRange,
  loadHostingEnvironments,
  type HostingEnvironmentConfig,
  type HostingEnvironmentName,
  type HostingEnvironments,
  type InstanceTier,
  type TierSize,
} from './hosting-environments';
