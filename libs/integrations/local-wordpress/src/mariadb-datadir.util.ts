import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecked } from './command.util';
import { isAlive, terminatePid } from './process-group.util';
import { SYSTEM_PATH } from './runtime.paths';

const SOCKET_PATH_MAX = 100;

export interface ServerFiles {
  dataDir: string;
  socket: string;
  pidFile: string;
  errorLog: string;
}

export function serverFiles(baseDir: string): ServerFiles {
  // Unix socket paths are limited to ~108 bytes; a deep data directory gets its socket in the temp dir.
  let socket = join(baseDir, 'mariadb.sock');
  if (socket.length > SOCKET_PATH_MAX) {
    const digest = createHash('sha256').update(baseDir).digest('hex').slice(0, 16);
    socket = join(tmpdir(), `bbws-mariadb-${digest}.sock`);
  }
  return {
    dataDir: join(baseDir, 'data'),
    socket,
    pidFile: join(baseDir, 'mariadb.pid'),
    errorLog: join(baseDir, 'mariadb.err'),
  };
}

export function tuning(ephemeral: boolean): string[] {
  const common = ['--innodb-log-file-size=16M', '--innodb-buffer-pool-size=64M'];
  return ephemeral
    ? [
        ...common,
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
        '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
      ]
    : common;
}

/** Into a scratch folder first, so an interrupted run never leaves half a datadir. */
export async function initializeDataDir(
  dataDir: string,
  adminUser: string,
  ephemeral: boolean,
  templateCacheDir: string | undefined,
): Promise<void> {
  if (existsSync(join(dataDir, 'mysql'))) return;
  const scratch = `${dataDir}.init-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  if (templateCacheDir === undefined) {
    await installDataDir(scratch, adminUser, ephemeral);
  } else {
    const template = await cachedTemplate(templateCacheDir, adminUser, ephemeral);
    await runChecked('cp', ['-a', '--reflink=auto', template, scratch], { env: { PATH: SYSTEM_PATH } });
  }
  await rm(dataDir, { recursive: true, force: true });
  await rename(scratch, dataDir);
}

async function cachedTemplate(cacheDir: string, adminUser: string, ephemeral: boolean): Promise<string> {
  const server = await stat(await resolveBinary('mariadbd'));
  const key = createHash('sha256')
    .update(JSON.stringify([server.size, server.mtimeMs, adminUser, tuning(ephemeral)]))
    .digest('hex')
    .slice(0, 16);
  const template = join(cacheDir, `bbws-mariadb-datadir-${key}`);
  if (existsSync(join(template, 'mysql'))) return template;
  await mkdir(cacheDir, { recursive: true });
  const scratch = `${template}.init-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await installDataDir(scratch, adminUser, ephemeral);
  try {
    await rename(scratch, template);
  } catch {
    // Another process finished the same template first.
    await rm(scratch, { recursive: true, force: true });
  }
  return template;
}

async function resolveBinary(name: string): Promise<string> {
  for (const dir of SYSTEM_PATH.split(':')) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} not found in ${SYSTEM_PATH}`);
}

async function installDataDir(target: string, adminUser: string, ephemeral: boolean): Promise<void> {
  await mkdir(target, { recursive: true });
  await runChecked(
    'mariadb-install-db',
    [
      '--no-defaults',
      `--user=${adminUser}`,
      `--datadir=${target}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
      ...tuning(ephemeral),
    ],
    { env: { PATH: SYSTEM_PATH }, timeoutMs: 120_000 },
  );
}

/** A server a previous run left running on this data directory is stopped before starting ours. */
export async function stopLeftover(pidFile: string, dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).trim());
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  try {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (commandLine.includes('mariadbd') && commandLine.includes(`--datadir=${dataDir}`)) {
      await terminatePid(pid);
    }
  } catch {
    // Gone meanwhile.
  }
}
