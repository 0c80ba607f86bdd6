import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureRuntimePackages,
  LocalWordPressInstance,
  MariaDbServer,
  removeIfOrphaned,
  wordpressImagePaths,
} from '@bbws/integrations-local-wordpress';
import { runPhpSnippet } from './php-snippet.runner';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin.proxy';
import { requestSite, type SiteRequest, type SiteResponse } from './site-request.util';

export interface WordPressNetwork {
  /** http://127.0.0.1:<port> of the worker, or of a round-robin proxy when there are several. */
  baseUrl: string;
  /** The main site's host, e.g. 'net1.localhost' (no port). */
  networkDomain: string;
  /** `${subdomain}.${networkDomain}`: send it as the Host header to reach that site. */
  hostFor(subdomain: string): string;
  agentSecret: string;
  docRoot: string;
  dbName: string;
  /** PHP's error log and the workers' output. */
  logFile: string;
  /** One HTTP request to a site by Host header (the main site unless `host` is given). */
  request(path: string, options?: SiteRequest): Promise<SiteResponse>;
  /** Run SQL against the network's database (for assertions); rows tab-separated, raw values. */
  query(sql: string): Promise<string>;
  /**
   * Runs PHP with WordPress loaded for a site (the main site by default) inside a function (declare
   * `global $wpdb;` to use globals); resolves with what it printed. For test setup and assertions.
   */
  runPhp(code: string, options?: { host?: string }): Promise<string>;
  /** WordPress unreachable (for circuit-breaker tests); baseUrl stays the same. */
  stopWorkers(): Promise<void>;
  startWorkers(): Promise<void>;
  /** Everything down, temp dirs removed, no processes left. */
  stop(): Promise<void>;
}

export interface WordPressNetworkOptions {
  /** PHP workers (default 1). */
  workers?: number;
  agentSecret?: string;
  /** Default: docker/wordpress/mu-plugins/ when it exists, else none. */
  muPluginsDir?: string;
  /** Default 'net1.localhost'. */
  networkDomain?: string;
}

/**
 * A real WordPress multisite network (subdomain install) from the OS packages, with the platform agent:
 * its own MariaDB server (temp data dir, free port), document root and PHP workers on 127.0.0.1.
 */
export async function startWordPressNetwork(
  options: WordPressNetworkOptions = {},
): Promise<WordPressNetwork> {
  const workerCount = options.workers ?? 1;
  const networkDomain = options.networkDomain ?? 'net1.localhost';
  const agentSecret = options.agentSecret ?? randomBytes(32).toString('hex');
  await ensureRuntimePackages();

  const tempDir = await mkdtemp(join(tmpdir(), 'bbws-wp-'));
  const forgetTempDir = removeIfOrphaned(tempDir);
  const logFile = join(tempDir, 'php.log');
  let server: MariaDbServer | undefined;
  let instance: LocalWordPressInstance | undefined;
  let proxy: RoundRobinProxy | undefined;

  const stop = async (): Promise<void> => {
    await proxy?.close();
    await instance?.workers.stop();
    await server?.stop();
    await rm(tempDir, { recursive: true, force: true });
    forgetTempDir();
  };

  try {
    server = await MariaDbServer.start({
      baseDir: join(tempDir, 'mariadb'),
      ephemeral: true,
      templateCacheDir: tmpdir(),
    });
    instance = await LocalWordPressInstance.provision({
      server,
      database: { name: 'net1_test_db', user: 'net1_test', password: randomBytes(16).toString('hex') },
      docRoot: join(tempDir, 'docroot'),
      networkDomain,
      agentSecret,
      muPluginsDir: options.muPluginsDir ?? (await defaultMuPlugins(tempDir)),
      title: 'BBWS test network',
      logFile,
    });
    await instance.workers.scaleTo(workerCount);
    const pool = instance.workers;
    if (workerCount > 1) proxy = await startRoundRobinProxy(() => pool.ports);
    const port = proxy?.port ?? pool.ports[0];
    const provisioned = instance;

    return {
      baseUrl: `http://127.0.0.1:${port}`,
      networkDomain,
      hostFor: (subdomain) => `${subdomain}.${networkDomain}`,
      agentSecret,
      docRoot: provisioned.docRoot,
      dbName: provisioned.options.database.name,
      logFile,
      request: (path, requestOptions = {}) =>
        requestSite(`http://127.0.0.1:${port}`, path, {
          ...requestOptions,
          host: requestOptions.host ?? networkDomain,
        }),
      query: (sql) => provisioned.query(sql),
      runPhp: (code, runOptions) =>
        runPhpSnippet({
          docRoot: provisioned.docRoot,
          env: provisioned.env,
          host: runOptions?.host ?? networkDomain,
          code,
          scratchDir: tempDir,
        }),
      stopWorkers: () => pool.stop(),
      startWorkers: () => pool.scaleTo(workerCount),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function defaultMuPlugins(tempDir: string): Promise<string> {
  const shipped = wordpressImagePaths().muPluginsDir;
  if (existsSync(shipped)) return shipped;
  const empty = join(tempDir, 'mu-plugins');
  await mkdir(empty, { recursive: true });
  await writeFile(join(empty, 'index.php'), '<?php\n// Silence is golden.\n');
  return empty;
}
