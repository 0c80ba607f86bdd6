import { runCommand } from './command.util';
import { wordpressImagePaths } from './runtime.paths';

export interface NetworkInstallOptions {
  docRoot: string;
  /** From wordpressEnvironment(): database, network domain, agent secret. */
  env: Record<string, string>;
  /** Copied (mirrored) into wp-content/mu-plugins; nothing is copied when absent. */
  muPluginsDir?: string;
  title?: string;
  adminUser?: string;
  adminEmail?: string;
  /** Passed through the environment, never on the command line. Random when absent. */
  adminPassword?: string;
  installScript?: string;
  timeoutMs?: number;
}

export interface NetworkInstallReport {
  domain: string;
  installedSite: boolean;
  installedNetwork: boolean;
  warnings: string[];
  muPlugins: string[];
}

/** Runs docker/wordpress/install/install-network.php (the production image's installer) for a document root. */
export async function installNetwork(options: NetworkInstallOptions): Promise<NetworkInstallReport> {
  const args = [options.installScript ?? wordpressImagePaths().installScript, `--docroot=${options.docRoot}`];
  const flags: Array<[string, string | undefined]> = [
    ['mu-plugins', options.muPluginsDir],
    ['title', options.title],
    ['admin-user', options.adminUser],
    ['admin-email', options.adminEmail],
  ];
  for (const [flag, value] of flags) if (value !== undefined) args.push(`--${flag}=${value}`);

  const result = await runCommand('php', ['-d', 'display_errors=stderr', ...args], {
    env:
      options.adminPassword === undefined
        ? options.env
        : { ...options.env, BBWS_ADMIN_PASSWORD: options.adminPassword },
    cwd: options.docRoot,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  const report = result.stdout.trim().split('\n').pop() ?? '';
  if (result.code !== 0 || !report.startsWith('{')) {
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-8).join('\n');
    throw new Error(
      `installing the WordPress network in ${options.docRoot} failed (exit ${result.code}): ${detail}`,
    );
  }
  return JSON.parse(report) as NetworkInstallReport;
}
