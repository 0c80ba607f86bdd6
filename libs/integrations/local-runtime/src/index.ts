export { AlbProxy, WORKER_HEADER, type AlbProxyOptions } from './alb.proxy';
export type { HostRoute, HostRoutes } from './host-routes.port';
export type { ArchiveFile, InstanceArchive } from './instance.archiver';
export type { InstanceRef } from './instance.ref';
export { INSTANCE_SECRETS_FILE, type InstanceSecrets } from './instance-secrets.store';
export { LocalInstanceNotFoundError, NetworkHostMismatchError } from './local-instance.errors';
export {
  LocalInstanceRuntime,
  type EnsureInstanceRequest,
  type LocalInstance,
  type LocalInstanceRuntimeOptions,
} from './local-instance.runtime';
export type { InstanceHealth, WorkerFleet, WorkerStatus, WorkerTargets } from './worker-fleet.port';
export { LocalRuntimeMissingError } from '@bbws/integrations-local-wordpress';
