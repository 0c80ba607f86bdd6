export {
  layoutDocumentRoot,
  type DocumentRootLayout,
  type DocumentRootOptions,
} from './document-root.layout';
export { LocalRuntimeMissingError } from './local-runtime-missing.error';
export { LocalWordPressInstance, type LocalWordPressInstanceOptions } from './local-wordpress.instance';
export { MariaDbServer, type DatabaseGrant, type MariaDbServerOptions } from './mariadb.server';
export { installNetwork, type NetworkInstallOptions, type NetworkInstallReport } from './network.installer';
export { HEALTH_PATH, PhpWorkerPool, type PhpWorkerPoolOptions, type WorkerHealth } from './php-worker.pool';
export { findFreePort } from './free-port.util';
export { loadOrCreateSecretFile } from './secret-file.store';
export { removeIfOrphaned } from './orphan.watchdog';
export {
  assertRuntimePackages,
  checkRuntimePackages,
  ensureRuntimePackages,
  RUNTIME_INSTALL_COMMAND,
  RUNTIME_PACKAGES,
  type RuntimePackagesReport,
} from './runtime-packages.check';
export {
  DEBIAN_WORDPRESS_CORE,
  repositoryRoot,
  wordpressImagePaths,
  type WordPressImagePaths,
} from './runtime.paths';
export { wordpressEnvironment, type WordPressEnvironmentType, type WordPressSettings } from './wordpress.env';
export {
  loadOrCreateSalts,
  WORDPRESS_SALT_NAMES,
  type WordPressSaltName,
  type WordPressSalts,
} from './wordpress-salts.store';
