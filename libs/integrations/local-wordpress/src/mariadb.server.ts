import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { runChecked, runCommand } from './command.util';
import { findFreePort, LOOPBACK } from './free-port.util';
import { isAlive, sleep, spawnGroup, stopGroup, terminatePid, type GroupProcess } from './process-group.util';
import { SYSTEM_PATH } from './runtime.paths';
import { sqlIdentifier, sqlString } from './sql.util';

export interface MariaDbServerOptions {
  /** Holds everything of this server: data/, the socket, the pid file and the error log. */
  baseDir: string;
  /** TCP port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Trade durability for speed (tests): no doublewrite, lazy log flush. */
  ephemeral?: boolean;
  startTimeoutMs?: number;
  /**
   * Keep a freshly initialized data directory here and copy it instead of running mariadb-install-db
   * each time (seconds saved per server in test suites). The copy is keyed by server version and options.
   */
  templateCacheDir?: string;
}

export interface DatabaseGrant {
  name: string;
  user: string;
  password: string;
}

const SOCKET_PATH_MAX = 100;

/**
 * One MariaDB server per data directory (the local stand-in for the shared RDS instance), listening on
 * 127.0.0.1 and on its own socket. The server is administered over the socket as the OS user running
 * us (unix_socket authentication); instances connect over TCP with their own user.
 */
export class MariaDbServer {
  private constructor(
    readonly baseDir: string,
    readonly port: number,
    readonly socketPath: string,
    private readonly process: GroupProcess,
    private readonly adminUser: string,
  ) {}

  get host(): string {
    return LOOPBACK;
  }

  get pid(): number {
    return this.process.pid;
  }

  static async start(options: MariaDbServerOptions): Promise<MariaDbServer> {
    const files = serverFiles(options.baseDir);
    await mkdir(options.baseDir, { recursive: true });
    await stopLeftover(files.pidFile, files.dataDir);
    const adminUser = userInfo().username;
    await initializeDataDir(files.dataDir, adminUser, options.ephemeral ?? false, options.templateCacheDir);
    await rm(files.socket, { force: true });

    for (let attempt = 1; ; attempt++) {
      const port = options.port ?? (await findFreePort());
      const child = spawnGroup('mariadbd', serverArgs(files, port, adminUser, options.ephemeral ?? false), {
        env: { PATH: SYSTEM_PATH },
      });
      const server = new MariaDbServer(options.baseDir, port, files.socket, child, adminUser);
      try {
        await server.waitUntilReady(options.startTimeoutMs ?? 60_000, files.errorLog);
        return server;
      } catch (error) {
        await stopGroup(child);
        const portTaken = (await readTail(files.errorLog)).includes('Address already in use');
        if (!(portTaken && options.port === undefined && attempt < 3)) throw error;
      }
    }
  }

  /** Runs SQL as the server's administrator; rows tab-separated, one per line, raw values, no header. */
  async query(sql: string, database?: string): Promise<string> {
    const args = [
      '--no-defaults',
      '--protocol=socket',
      `--socket=${this.socketPath}`,
      `--user=${this.adminUser}`,
    ];
    args.push('--batch', '--raw', '--skip-column-names');
    if (database !== undefined) args.push(`--database=${database}`);
    const output = await runChecked('mariadb', args, {
      env: { PATH: SYSTEM_PATH },
      input: sql,
      timeoutMs: 120_000,
    });
    return output.endsWith('\n') ? output.slice(0, -1) : output;
  }

  /** Creates (idempotently) a database and a user allowed on it only; sets the user's password. */
  async createDatabase(grant: DatabaseGrant): Promise<void> {
    const database = sqlIdentifier(grant.name, 'database');
    const statements = [
      `CREATE DATABASE IF NOT EXISTS ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
    ];
    for (const account of accounts(grant.user)) {
      statements.push(
        `CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY ${sqlString(grant.password)};`,
        `ALTER USER ${account} IDENTIFIED BY ${sqlString(grant.password)};`,
        `GRANT ALL PRIVILEGES ON ${database}.* TO ${account};`,
      );
    }
    await this.query(statements.join('\n'));
  }

  async dropDatabase(grant: Pick<DatabaseGrant, 'name' | 'user'>): Promise<void> {
    const statements = [`DROP DATABASE IF EXISTS ${sqlIdentifier(grant.name, 'database')};`];
    for (const account of accounts(grant.user)) statements.push(`DROP USER IF EXISTS ${account};`);
    await this.query(statements.join('\n'));
  }

  async listDatabases(): Promise<string[]> {
    const output = await this.query('SHOW DATABASES');
    return output.split('\n').filter((name) => name !== '');
  }

  isRunning(): boolean {
    return !this.process.hasExited();
  }

  async stop(): Promise<void> {
    await stopGroup(this.process, 30_000);
  }

  private async waitUntilReady(timeoutMs: number, errorLog: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process.hasExited()) {
        throw new Error(`mariadbd exited while starting: ${await readTail(errorLog)}`);
      }
      if (existsSync(this.socketPath)) {
        const ping = await runCommand(
          'mariadb-admin',
          [
            '--no-defaults',
            '--protocol=socket',
            `--socket=${this.socketPath}`,
            `--user=${this.adminUser}`,
            'ping',
          ],
          { env: { PATH: SYSTEM_PATH }, timeoutMs: 5_000 },
        );
        if (ping.code === 0) return;
      }
      await sleep(100);
    }
    throw new Error(`mariadbd did not answer within ${timeoutMs} ms: ${await readTail(errorLog)}`);
  }
}

function accounts(user: string): string[] {
  sqlIdentifier(user, 'user');
  return [`'${user}'@'127.0.0.1'`, `'${user}'@'localhost'`];
}

interface ServerFiles {
  dataDir: string;
  socket: string;
  pidFile: string;
  errorLog: string;
}

function serverFiles(baseDir: string): ServerFiles {
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

function tuning(ephemeral: boolean): string[] {
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

function serverArgs(files: ServerFiles, port: number, adminUser: string, ephemeral: boolean): string[] {
  return [
    '--no-defaults',
    ...(process.getuid?.() === 0 ? [`--user=${adminUser}`] : []),
    `--datadir=${files.dataDir}`,
    `--socket=${files.socket}`,
    `--pid-file=${files.pidFile}`,
    `--log-error=${files.errorLog}`,
    `--port=${port}`,
    `--bind-address=${LOOPBACK}`,
    '--skip-name-resolve',
    '--skip-log-bin',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--max-connections=200',
    ...tuning(ephemeral),
  ];
}

/** Into a scratch folder first, so an interrupted run never leaves half a datadir. */
async function initializeDataDir(
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
async function stopLeftover(pidFile: string, dataDir: string): Promise<void> {
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

async function readTail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no error log)';
  }
}
