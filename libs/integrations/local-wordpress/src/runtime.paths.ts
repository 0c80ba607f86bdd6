import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where the Debian `wordpress` package installs core. */
export const DEBIAN_WORDPRESS_CORE = '/usr/share/wordpress';

/** The PATH given to PHP and MariaDB processes (they get a minimal environment, not ours). */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const INSTALL_DIR = join('docker', 'wordpress', 'install');

/** The repository holding docker/wordpress/ (found upwards from this file, compiled or not). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, INSTALL_DIR, 'install-network.php'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`docker/wordpress/install not found above ${from}`);
    dir = parent;
  }
  return dir;
}

export interface WordPressImagePaths {
  installScript: string;
  routerScript: string;
  configTemplate: string;
  muPluginsDir: string;
  ensurePackagesScript: string;
}

export function wordpressImagePaths(root: string = repositoryRoot()): WordPressImagePaths {
  return {
    installScript: join(root, INSTALL_DIR, 'install-network.php'),
    routerScript: join(root, INSTALL_DIR, 'router.php'),
    configTemplate: join(root, INSTALL_DIR, 'wp-config.php'),
    muPluginsDir: join(root, 'docker', 'wordpress', 'mu-plugins'),
    ensurePackagesScript: join(root, 'tools', 'local', 'ensure-wordpress-packages.sh'),
  };
}
