import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './command.util';
import { LocalRuntimeMissingError } from './local-runtime-missing.error';
import { DEBIAN_WORDPRESS_CORE, SYSTEM_PATH, wordpressImagePaths } from './runtime.paths';

/** The Debian packages the local runtime needs (tools/local/ensure-wordpress-packages.sh installs the same). */
export const RUNTIME_PACKAGES = [
  'php-cli',
  'php-mysql',
  'php-xml',
  'php-mbstring',
  'php-zip',
  'php-gd',
  'php-intl',
  'php-curl',
  'mariadb-server',
  'wordpress',
  'wordpress-theme-twentytwentythree',
  'wordpress-theme-twentytwentytwo',
] as const;

export const RUNTIME_INSTALL_COMMAND = `apt-get update && apt-get install -y --no-install-recommends ${RUNTIME_PACKAGES.join(' ')}`;

const PHP_EXTENSIONS = ['mysqli', 'xml', 'mbstring', 'zip', 'gd', 'intl', 'curl'] as const;
const MARIADB_BINARIES = ['mariadbd', 'mariadb-install-db', 'mariadb'] as const;
const THEMES = ['twentytwentythree', 'twentytwentytwo'] as const;

export interface RuntimePackagesReport {
  ok: boolean;
  /** What is missing, named after the package that provides it. */
  missing: string[];
  installCommand: string;
}

export async function checkRuntimePackages(
  coreDir: string = DEBIAN_WORDPRESS_CORE,
): Promise<RuntimePackagesReport> {
  const missing = [
    ...(await missingPhpParts()),
    ...((await Promise.all(MARIADB_BINARIES.map(findBinary))).some((found) => !found)
      ? ['mariadb-server']
      : []),
    ...((await exists(join(coreDir, 'wp-includes', 'version.php'))) ? [] : ['wordpress']),
  ];
  for (const theme of THEMES) {
    if (!(await exists(join(coreDir, 'wp-content', 'themes', theme, 'style.css')))) {
      missing.push(`wordpress-theme-${theme}`);
    }
  }
  return { ok: missing.length === 0, missing, installCommand: RUNTIME_INSTALL_COMMAND };
}

/** Throws LOCAL_RUNTIME_MISSING naming the packages and the install command. */
export async function assertRuntimePackages(coreDir?: string): Promise<void> {
  const report = await checkRuntimePackages(coreDir);
  if (!report.ok) throw new LocalRuntimeMissingError(report.missing, report.installCommand);
}

/**
 * Installs what is missing with tools/local/ensure-wordpress-packages.sh (apt-get as root or through
 * sudo), then checks again; throws LOCAL_RUNTIME_MISSING when that was not possible.
 */
export async function ensureRuntimePackages(
  options: { scriptPath?: string; coreDir?: string } = {},
): Promise<RuntimePackagesReport> {
  const before = await checkRuntimePackages(options.coreDir);
  if (before.ok) return before;
  const script = options.scriptPath ?? wordpressImagePaths().ensurePackagesScript;
  const result = await runCommand('bash', [script], { env: { PATH: SYSTEM_PATH }, timeoutMs: 15 * 60_000 });
  const after = await checkRuntimePackages(options.coreDir);
  if (!after.ok) {
    const reason = result.stderr.trim().split('\n').pop();
    throw new LocalRuntimeMissingError(
      after.missing,
      reason ? `${after.installCommand} (${reason})` : after.installCommand,
    );
  }
  return after;
}

async function missingPhpParts(): Promise<string[]> {
  if (!(await findBinary('php'))) return ['php-cli'];
  const result = await runCommand('php', ['-r', 'echo implode("\\n", get_loaded_extensions());'], {
    env: { PATH: SYSTEM_PATH },
  });
  const loaded = new Set(result.stdout.toLowerCase().split('\n'));
  return PHP_EXTENSIONS.filter((extension) => !loaded.has(extension)).map((extension) =>
    extension === 'mysqli' ? 'php-mysql' : `php-${extension}`,
  );
}

async function findBinary(name: string): Promise<boolean> {
  for (const dir of SYSTEM_PATH.split(':')) {
    if (await exists(join(dir, name), constants.X_OK)) return true;
  }
  return false;
}

async function exists(path: string, mode: number = constants.F_OK): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
