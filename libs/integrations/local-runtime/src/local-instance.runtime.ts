import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertRuntimePackages,
  LocalWordPressInstance,
  wordpressImagePaths,
  type MariaDbServer,
  type NetworkInstallReport,
  type WordPressEnvironmentType,
} from '@bbws/integrations-local-wordpress';
import { ValidationError } from '@bbws/shared-errors';
import { archiveInstance, type InstanceArchive } from './instance.archiver';
import {
  readInstanceMetadata,
  writeInstanceMetadata,
  type InstanceMetadata as Metadata,
} from './instance-metadata.store';
import { instancePaths, type InstancePaths } from './instance.paths';
import {
  assertInstanceRef,
  assertNetworkHost,
  databaseNames,
  instanceKey,
  type InstanceRef,
} from './instance.ref';
import { loadOrCreateInstanceSecrets } from './instance-secrets.store';
import { KeyedLock } from './keyed.lock';
import { LocalInstanceNotFoundError, NetworkHostMismatchError } from './local-instance.errors';
import type { InstanceHealth, WorkerFleet, WorkerTargets } from './worker-fleet.port';

export interface LocalInstanceRuntimeOptions {
  /** Document roots, logs and metadata go under `<dataDir>/instances/{env}/`. */
  dataDir: string;
  /** The shared MariaDB server (the local stand-in for RDS); started and stopped by the caller. */
  server: MariaDbServer;
  /** Per instance `<secretsDir>/instances/{env}/{slug}/`; `<dataDir>/secrets` by default. */
  secretsDir?: string;
  /** WordPress core (the Debian package's by default). */
  coreDir?: string;
  /** The platform agent's must-use plugins (docker/wordpress/mu-plugins by default). */
  muPluginsDir?: string;
  environmentType?: WordPressEnvironmentType;
  /** How often running workers are probed (like a target group's health checks); 0 turns it off. 10 s by default. */
  healthCheckIntervalMs?: number;
  /** Most workers one instance may run (16 by default). */
  maxWorkers?: number;
}

export interface EnsureInstanceRequest extends InstanceRef {
  /** The network's main host, e.g. `acme.dev.localhost`; sites are `{subdomain}.{networkHost}`. */
  networkHost: string;
  adminEmail: string;
  title: string;
}

export interface LocalInstance extends InstanceRef {
  networkHost: string;
  docRoot: string;
  database: { name: string; user: string };
  /** Keys the platform agent's request signatures. */
  agentSecret: string;
  /** False when the network was already installed (nothing changed). */
  installedNow: boolean;
}

interface Loaded {
  instance: LocalWordPressInstance;
  description: LocalInstance;
  healthyPorts: Set<number>;
}

/**
 * Tenant instances of the local data plane (the stand-in for ECS tasks + RDS database + EFS access
 * point): each one its own database and user, document root and multisite network with the platform
 * agent, served by `php -S` workers. Operations on one instance run one at a time; all are idempotent.
 * Workers are child processes guarded by the orphan watchdog: they never outlive this process.
 */
export class LocalInstanceRuntime implements WorkerFleet, WorkerTargets {
  private readonly loaded = new Map<string, Loaded>();
  private readonly locks = new KeyedLock();
  private readonly healthTimer?: NodeJS.Timeout;
  private checkingHealth = false;

  constructor(private readonly options: LocalInstanceRuntimeOptions) {
    const interval = options.healthCheckIntervalMs ?? 10_000;
    if (interval > 0) {
      this.healthTimer = setInterval(() => void this.checkAllHealth(), interval);
      this.healthTimer.unref();
    }
  }

  /** Database, files and network created when missing; a second call changes nothing and returns at once. */
  async ensureInstance(request: EnsureInstanceRequest): Promise<LocalInstance> {
    const ref = { environment: request.environment, slug: request.slug };
    assertInstanceRef(ref);
    const networkHost = request.networkHost.toLowerCase();
    assertNetworkHost(networkHost);
    if (request.title.trim() === '') throw ValidationError.field('title', 'must not be empty');
    if (!/^[^\s@]+@[^\s@]+$/.test(request.adminEmail)) {
      throw ValidationError.field('adminEmail', 'must be an e-mail address');
    }
    const metadata = { networkHost, adminEmail: request.adminEmail, title: request.title };
    return this.locks.run(instanceKey(ref), () => this.ensureLocked(ref, metadata));
  }

  async scale(ref: InstanceRef, count: number): Promise<void> {
    assertInstanceRef(ref);
    const max = this.options.maxWorkers ?? 16;
    if (!Number.isInteger(count) || count < 0 || count > max) {
      throw ValidationError.field('count', `must be a whole number from 0 to ${max}`);
    }
    return this.locks.run(instanceKey(ref), async () => {
      if (count === 0 && !this.loaded.has(instanceKey(ref))) return;
      const loaded = await this.restore(ref);
      const pool = loaded.instance.workers;
      const before = new Set(pool.ports);
      await pool.scaleTo(count);
      for (const port of pool.ports) if (!before.has(port)) loaded.healthyPorts.add(port);
      for (const port of loaded.healthyPorts)
        if (!pool.ports.includes(port)) loaded.healthyPorts.delete(port);
    });
  }

  /**
   * Probes every running worker now (while a scale is under way too, so progress shows); the proxy then
   * uses what it saw. A worker counts as running once it has answered the health check after starting.
   */
  async health(ref: InstanceRef): Promise<InstanceHealth> {
    assertInstanceRef(ref);
    const loaded = this.loaded.get(instanceKey(ref));
    if (!loaded) return { running: 0, healthy: true, workers: [] };
    const probed = await loaded.instance.workers.health();
    const workers = probed.map(({ port, pid, healthy }) => ({ port, pid, healthy }));
    // A scale may have stopped or started workers meanwhile: record only what still runs.
    const current = loaded.instance.workers.ports;
    for (const worker of workers) {
      if (worker.healthy && current.includes(worker.port)) loaded.healthyPorts.add(worker.port);
      else loaded.healthyPorts.delete(worker.port);
    }
    return { running: workers.length, healthy: workers.every((worker) => worker.healthy), workers };
  }

  healthyWorkerPorts(ref: InstanceRef): readonly number[] {
    const loaded = this.loaded.get(instanceKey(ref));
    if (!loaded) return [];
    return loaded.instance.workers.ports.filter((port) => loaded.healthyPorts.has(port));
  }

  /** A provisioned instance as ensureInstance describes it (agent secret included); NotFound otherwise. */
  async describe(ref: InstanceRef): Promise<LocalInstance> {
    assertInstanceRef(ref);
    return this.locks.run(instanceKey(ref), async () => ({
      ...(await this.restore(ref)).description,
      installedNow: false,
    }));
  }

  /** The database dump and a tarball of wp-content/ in `targetDir`, with sizes and SHA-256. */
  async archive(ref: InstanceRef, targetDir: string): Promise<InstanceArchive> {
    assertInstanceRef(ref);
    return this.locks.run(instanceKey(ref), async () => {
      const paths = this.pathsOf(ref);
      if (!this.loaded.has(instanceKey(ref)) && !existsSync(paths.metadataFile)) {
        throw new LocalInstanceNotFoundError(ref);
      }
      const database = databaseNames(ref);
      return archiveInstance(
        {
          server: this.options.server,
          databaseName: database.name,
          docRoot: paths.docRoot,
          baseName: database.user,
        },
        targetDir,
      );
    });
  }

  /** Workers stopped, database and user dropped, document root, secrets, metadata and log deleted. */
  async removeInstance(ref: InstanceRef): Promise<void> {
    assertInstanceRef(ref);
    return this.locks.run(instanceKey(ref), async () => {
      const key = instanceKey(ref);
      await this.loaded.get(key)?.instance.workers.stop();
      this.loaded.delete(key);
      await this.options.server.dropDatabase(databaseNames(ref));
      const paths = this.pathsOf(ref);
      for (const path of [paths.docRoot, paths.secretsDir, paths.metadataFile, paths.logFile]) {
        await rm(path, { recursive: true, force: true });
      }
    });
  }

  /** Stops every worker (on shutdown); instances stay provisioned. */
  async stopAll(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    await Promise.all([...this.loaded.values()].map((loaded) => loaded.instance.workers.stop()));
  }

  private async ensureLocked(ref: InstanceRef, metadata: Metadata): Promise<LocalInstance> {
    const known = this.loaded.get(instanceKey(ref));
    if (known) {
      if (known.description.networkHost !== metadata.networkHost) {
        throw new NetworkHostMismatchError(ref, known.description.networkHost, metadata.networkHost);
      }
      return { ...known.description, installedNow: false };
    }
    const stored = await this.readMetadata(ref);
    if (stored && stored.networkHost !== metadata.networkHost) {
      throw new NetworkHostMismatchError(ref, stored.networkHost, metadata.networkHost);
    }
    const loaded = await this.provision(ref, stored ?? metadata);
    if (!stored) await writeInstanceMetadata(this.pathsOf(ref).metadataFile, metadata);
    return loaded.description;
  }

  /** The instance in memory, provisioned again (idempotently) from its metadata after a restart. */
  private async restore(ref: InstanceRef): Promise<Loaded> {
    const known = this.loaded.get(instanceKey(ref));
    if (known) return known;
    const stored = await this.readMetadata(ref);
    if (!stored) throw new LocalInstanceNotFoundError(ref);
    return this.provision(ref, stored);
  }

  private async provision(ref: InstanceRef, metadata: Metadata): Promise<Loaded> {
    await assertRuntimePackages(this.options.coreDir);
    const paths = this.pathsOf(ref);
    const secrets = await loadOrCreateInstanceSecrets(paths.secretsDir);
    const database = databaseNames(ref);
    const defaultMuPlugins = wordpressImagePaths().muPluginsDir;
    const instance = await LocalWordPressInstance.provision({
      server: this.options.server,
      database: { ...database, password: secrets.databasePassword },
      docRoot: paths.docRoot,
      secretsDir: paths.secretsDir,
      networkDomain: metadata.networkHost,
      agentSecret: secrets.agentSecret,
      muPluginsDir:
        this.options.muPluginsDir ?? (existsSync(defaultMuPlugins) ? defaultMuPlugins : undefined),
      title: metadata.title,
      adminEmail: metadata.adminEmail,
      environmentType: this.options.environmentType,
      logFile: paths.logFile,
      coreDir: this.options.coreDir,
    });
    const loaded: Loaded = {
      instance,
      description: {
        ...ref,
        networkHost: metadata.networkHost,
        docRoot: paths.docRoot,
        database,
        agentSecret: secrets.agentSecret,
        installedNow: installedSomething(instance.installReport),
      },
      healthyPorts: new Set(),
    };
    this.loaded.set(instanceKey(ref), loaded);
    return loaded;
  }

  private readMetadata(ref: InstanceRef): Promise<Metadata | undefined> {
    return readInstanceMetadata(this.pathsOf(ref).metadataFile);
  }

  private pathsOf(ref: InstanceRef): InstancePaths {
    const secretsRoot = this.options.secretsDir ?? join(this.options.dataDir, 'secrets');
    return instancePaths(this.options.dataDir, secretsRoot, ref);
  }

  private async checkAllHealth(): Promise<void> {
    if (this.checkingHealth) return;
    this.checkingHealth = true;
    try {
      for (const { description } of this.loaded.values()) {
        if (this.runningCount(description) > 0) await this.health(description).catch(() => undefined);
      }
    } finally {
      this.checkingHealth = false;
    }
  }

  private runningCount(ref: InstanceRef): number {
    return this.loaded.get(instanceKey(ref))?.instance.workers.size ?? 0;
  }
}

function installedSomething(report: NetworkInstallReport): boolean {
  return report.installedSite || report.installedNetwork;
}
