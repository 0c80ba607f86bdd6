import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { runChecked, runCommand } from './command.util';
import { findFreePort, LOOPBACK } from './free-port.util';
import {
  initializeDataDir,
  serverFiles,
  stopLeftover,
  tuning,
  type ServerFiles,
} from './mariadb-datadir.util';
import { sleep, spawnGroup, stopGroup, type GroupProcess } from './process-group.util';
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

  /**
   * Writes a consistent SQL dump of one database (tables, routines, triggers; no CREATE DATABASE, so it
   * restores into any database) to `file`, over the socket as the administrator.
   */
  async dumpDatabase(name: string, file: string): Promise<void> {
    await runChecked(
      'mariadb-dump',
      [
        '--no-defaults',
        '--protocol=socket',
        `--socket=${this.socketPath}`,
        `--user=${this.adminUser}`,
        '--single-transaction',
        '--quick',
        '--routines',
        '--triggers',
        '--hex-blob',
        '--default-character-set=utf8mb4',
        `--result-file=${file}`,
        sqlIdentifier(name, 'database').slice(1, -1),
      ],
      { env: { PATH: SYSTEM_PATH }, timeoutMs: 600_000 },
    );
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

async function readTail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim().split('\n').slice(-5).join('\n');
  } catch {
    return '(no error log)';
  }
}
