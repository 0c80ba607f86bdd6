import { join } from 'node:path';
import type { InstanceRef } from './instance.ref';

export interface InstancePaths {
  /** `<dataDir>/instances/{env}/{slug}/`: core (hard links), wp-config.php, wp-content/. */
  docRoot: string;
  /** The instance's secrets: database password, agent secret, WordPress salts (files mode 0600). */
  secretsDir: string;
  /** What the instance was provisioned with (network host, title, admin e-mail); present once provisioned. */
  metadataFile: string;
  /** The workers' output and PHP's errors. */
  logFile: string;
}

export function instancePaths(dataDir: string, secretsRoot: string, ref: InstanceRef): InstancePaths {
  const env = ref.environment.toLowerCase();
  const instancesDir = join(dataDir, 'instances', env);
  return {
    docRoot: join(instancesDir, ref.slug),
    secretsDir: join(secretsRoot, 'instances', env, ref.slug),
    metadataFile: join(instancesDir, `${ref.slug}.instance.json`),
    logFile: join(instancesDir, `${ref.slug}.php.log`),
  };
}
