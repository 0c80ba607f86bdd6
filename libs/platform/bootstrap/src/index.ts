export { BODY_LIMIT_BYTES, createApp, listen, type AppDescription, type AppOptions } from './create-app';
export { BodyTooDeepError, MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth';
export { mapError, type ErrorBody } from './error-envelope';
export { buildOpenApiDocument } from './openapi';
export { PlatformModule, type PlatformModuleOptions } from './platform.module';
export {
  provideClass,
  provideFactory,
  provideValue,
  type ClassToken,
  type Dependencies,
  type Dependency,
} from './provide-class';
export { platformEnvSchema, type PlatformConfig } from './platform-config';
export { IS_PUBLIC, Public } from './public.decorator';
export { StrictValidationPipe } from './strict-validation.pipe';
export {
  CLOCK,
  DYNAMO_CONTEXT,
  LOGGER,
  PLATFORM_CONFIG,
  READINESS_CHECKS,
  type ReadinessCheck,
  type ReadinessProbe,
} from './tokens';
export { runApi, type ApiEntry } from './run-api';
