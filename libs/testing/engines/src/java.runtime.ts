import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { EngineSetupError } from './engine-setup.error';

const MINIMUM_MAJOR = 17;
const PACKAGE = 'default-jre-headless';

export interface EnsureJavaOptions {
  /** Progress lines (installing...); defaults to stderr. */
  log?: (line: string) => void;
}

/**
 * Returns the java binary to run DynamoDB Local with. When Java is missing it installs the OS package
 * as root (or through passwordless sudo); otherwise it fails with one line naming the install command.
 */
export function ensureJava(options: EnsureJavaOptions = {}): string {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const found = findJava();
  if (found.major >= MINIMUM_MAJOR) return found.binary;

  const reason = found.major > 0 ? `Java ${found.major} is too old` : 'Java is not installed';
  const asRoot = process.getuid?.() === 0;
  const viaSudo = !asRoot && succeeds(spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }));
  if (process.platform !== 'linux' || !hasCommand('apt-get') || (!asRoot && !viaSudo)) {
    throw new EngineSetupError(
      `${reason}; DynamoDB Local needs Java ${MINIMUM_MAJOR}+: run \`sudo apt-get install -y ${PACKAGE}\` (or install any Java ${MINIMUM_MAJOR}+ runtime) and try again`,
    );
  }
  log(`${reason}; installing ${PACKAGE} with apt-get (DynamoDB Local needs Java ${MINIMUM_MAJOR}+)...`);
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    // Waits for the dpkg lock when another install (e.g. the WordPress packages) runs at the same time.
    ['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'update'],
    ['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', PACKAGE],
  ]) {
    const command = [...prefix, ...args];
    const result = spawnSync(command[0], command.slice(1), {
      env,
      stdio: ['ignore', 2, 2],
    });
    if (!succeeds(result)) {
      throw new EngineSetupError(
        `\`${command.join(' ')}\` failed; install ${PACKAGE} (Java ${MINIMUM_MAJOR}+) and try again`,
      );
    }
  }
  const installed = findJava();
  if (installed.major < MINIMUM_MAJOR) {
    throw new EngineSetupError(
      `${PACKAGE} was installed but no Java ${MINIMUM_MAJOR}+ is on the PATH; set JAVA_HOME to one`,
    );
  }
  return installed.binary;
}

function findJava(): { binary: string; major: number } {
  const candidates = [
    ...(process.env.JAVA_HOME ? [path.join(process.env.JAVA_HOME, 'bin', 'java')] : []),
    'java',
  ];
  let best = { binary: 'java', major: 0 };
  for (const binary of candidates) {
    const result = spawnSync(binary, ['-version'], { encoding: 'utf8' });
    if (!succeeds(result)) continue;
    const major = parseMajor(`${result.stderr}${result.stdout}`);
    if (major >= MINIMUM_MAJOR) return { binary, major };
    if (major > best.major) best = { binary, major };
  }
  return best;
}

/** `version "17.0.15"` -> 17; `version "1.8.0_392"` -> 8. */
export function parseMajor(versionOutput: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return 0;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function hasCommand(command: string): boolean {
  return succeeds(spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }));
}

function succeeds(result: SpawnSyncReturns<string | Buffer>): boolean {
  return !result.error && result.status === 0;
}
