export {
  createBbwsClient,
  DEFAULT_API_URL,
  type BbwsClient,
  type BbwsClientOptions,
  type ServiceClients,
} from './client/bbws-client';
export { SERVICE_APPS, type ServiceName, type ServicePaths } from './client/service-paths';
export { isIdempotentRoute } from './client/idempotency-keys';
export { isRetrySafe, type RetryOptions } from './client/retry-policy';
export { unwrap } from './client/unwrap';
export { bearerAuth, resolveToken, type TokenProvider } from './auth/token-provider';
export * from './errors/api-errors';
export { errorFromResponse } from './errors/error-from-response';
export type { components as TenantsSchemas } from './generated/tenants-api';
export type { components as InstancesSchemas } from './generated/instances-api';
export type { components as SitesSchemas } from './generated/sites-api';
export type { components as TemplatesSchemas } from './generated/templates-api';
export type { components as PluginsSchemas } from './generated/plugins-api';
export type { components as OperationsSchemas } from './generated/operations-api';
export { waitForOperation, type OperationRef, type WaitOptions } from './operations/wait-for-operation';
export {
  OperationCancelledError,
  OperationFailedError,
  OperationTimeoutError,
  type Operation,
} from './operations/operation-errors';
export { paginate, type Page } from './pagination/paginate';
export type { ListInit, ListItem, ListPath } from './pagination/list-paths';
export { ifMatch, type VersionSource } from './concurrency/if-match';
