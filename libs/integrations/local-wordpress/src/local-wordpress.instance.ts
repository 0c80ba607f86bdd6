import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { layoutDocumentRoot } from './document-root.layout';
import type { DatabaseGrant, MariaDbServer } from './mariadb.server';
import { installNetwork, type NetworkInstallReport } from './network.installer';
import { PhpWorkerPool } from './php-worker.pool';
import { assertRuntimePackages } from './runtime-packages.check';
import { wordpressImagePaths } from './runtime.paths';
import { wordpressEnvironment, type WordPressEnvironmentType } from './wordpress.env';
import { loadOrCreateSalts } from './wordpress-salts.store';

export interface LocalWordPressInstanceOptions {
  server: MariaDbServer;
  database: DatabaseGrant;
  docRoot: string;
  /**
   * The instance's private data (its WordPress salts), outside the document root so no worker serves it;
   * `<docRoot>.secrets` by default.
   */
  secretsDir?: string;
  networkDomain: string;
  agentSecret: string;
  /** The agent's must-use plugins; docker/wordpress/mu-plugins/ when it exists, none otherwise. */
  muPluginsDir?: string;
  title?: string;
  adminEmail?: string;
  environmentType?: WordPressEnvironmentType;
  /** Workers' output and PHP errors; discarded when absent. */
  logFile?: string;
  coreDir?: string;
}

/**
 * One instance of the local data plane: its database and user on the shared server, its document root
 * and its multisite network, served by a pool of PHP workers (initially none).
 */
export class LocalWordPressInstance {
  private constructor(
    readonly options: LocalWordPressInstanceOptions,
    readonly env: Record<string, string>,
    readonly workers: PhpWorkerPool,
    readonly installReport: NetworkInstallReport,
  ) {}

  get docRoot(): string {
    return this.options.docRoot;
  }

  get networkDomain(): string {
    return this.options.networkDomain;
  }

  /** Idempotent: database, document root and network are created when missing, kept otherwise. */
  static async provision(options: LocalWordPressInstanceOptions): Promise<LocalWordPressInstance> {
    await assertRuntimePackages(options.coreDir);
    await options.server.createDatabase(options.database);
    await layoutDocumentRoot({ docRoot: options.docRoot, coreDir: options.coreDir });
    const salts = await loadOrCreateSalts(secretsDirOf(options));
    const env = wordpressEnvironment({
      database: { host: options.server.host, port: options.server.port, ...options.database },
      networkDomain: options.networkDomain,
      agentSecret: options.agentSecret,
      salts,
      environmentType: options.environmentType,
    });
    const defaultMuPlugins = wordpressImagePaths().muPluginsDir;
    const installReport = await installNetwork({
      docRoot: options.docRoot,
      env,
      muPluginsDir: options.muPluginsDir ?? (existsSync(defaultMuPlugins) ? defaultMuPlugins : undefined),
      title: options.title,
      adminEmail: options.adminEmail,
    });
    const workers = new PhpWorkerPool({
      docRoot: options.docRoot,
      env,
      healthHost: options.networkDomain,
      logFile: options.logFile,
    });
    return new LocalWordPressInstance(options, env, workers, installReport);
  }

  /** Runs SQL against this instance's database (as the server's administrator). */
  query(sql: string): Promise<string> {
    return this.options.server.query(sql, this.options.database.name);
  }

  /** Workers stopped, database and user dropped, document root and secrets removed. */
  async deprovision(): Promise<void> {
    await this.workers.stop();
    await this.options.server.dropDatabase(this.options.database);
    await rm(this.options.docRoot, { recursive: true, force: true });
    await rm(secretsDirOf(this.options), { recursive: true, force: true });
  }
}

function secretsDirOf(options: Pick<LocalWordPressInstanceOptions, 'docRoot' | 'secretsDir'>): string {
  return options.secretsDir ?? `${options.docRoot.replace(/\/+$/, '')}.secrets`;
}
