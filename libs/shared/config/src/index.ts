export { ConfigError, loadConfig } from './load-config';
export { booleanVar, optionalUrl, portVar, stageVar, z, type Stage } from './env-types';
