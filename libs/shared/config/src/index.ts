export { API_ROUTES } from './api-routes';
export { ConfigError, loadConfig } from './load-config';
export { booleanVar, optionalUrl, portVar, stageVar, z, type Stage } from './env-types';
export {
  LOCAL_API_APPS,
  LOCAL_HOST,
  LOCAL_PORTS,
  localUrl,
  type LocalApiApp,
  type LocalAppName,
} from './local-ports';
