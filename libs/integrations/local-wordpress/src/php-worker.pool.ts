import { readFile } from 'node:fs/promises';
import { findFreePort, LOOPBACK } from './free-port.util';
import { probe } from './http-probe.util';
import { sleep, spawnGroup, stopGroup, type GroupProcess } from './process-group.util';
import { wordpressImagePaths } from './runtime.paths';

export interface PhpWorkerPoolOptions {
  docRoot: string;
  /** From wordpressEnvironment(): the only environment the workers get. */
  env: Record<string, string>;
  /** Host header of the health check (the network's main site). */
  healthHost: string;
  routerScript?: string;
  /** Where the workers' output and PHP errors go (appended); discarded when absent. */
  logFile?: string;
  startTimeoutMs?: number;
  /** Requests one worker serves at once (PHP_CLI_SERVER_WORKERS forks); 1 by default. */
  concurrency?: number;
}

export interface WorkerHealth {
  port: number;
  pid: number;
  healthy: boolean;
  status?: number;
}

interface Worker {
  port: number;
  process: GroupProcess;
}

export const HEALTH_PATH = '/wp-login.php';

/**
 * N `php -S 127.0.0.1:<port>` processes serving one document root through the router script (the local
 * stand-in for an ECS service's tasks). Ports are remembered: scaling up again reuses them, in order,
 * so stopping and starting keeps every worker's address.
 */
export class PhpWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly knownPorts: number[] = [];
  private scaling: Promise<void> = Promise.resolve();

  constructor(private readonly options: PhpWorkerPoolOptions) {}

  get ports(): number[] {
    return this.workers.map((worker) => worker.port);
  }

  get pids(): number[] {
    return this.workers.map((worker) => worker.process.pid);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Starts or stops workers until `count` run; resolves once new workers answer the health check. */
  scaleTo(count: number): Promise<void> {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`worker count must be >= 0, got ${count}`);
    const next = this.scaling.then(() => this.applyScale(count));
    this.scaling = next.catch(() => undefined);
    return next;
  }

  stop(): Promise<void> {
    return this.scaleTo(0);
  }

  async health(): Promise<WorkerHealth[]> {
    return Promise.all(
      this.workers.map(async (worker) => {
        const status = worker.process.hasExited()
          ? undefined
          : await probe(worker.port, HEALTH_PATH, this.options.healthHost);
        return { port: worker.port, pid: worker.process.pid, healthy: status === 200, status };
      }),
    );
  }

  /** Desired = running and every worker answers the health check. */
  async isHealthy(desiredCount: number = this.size): Promise<boolean> {
    if (this.size !== desiredCount) return false;
    return (await this.health()).every((worker) => worker.healthy);
  }

  private async applyScale(count: number): Promise<void> {
    const surplus = this.workers.splice(count);
    await Promise.all(surplus.map((worker) => stopGroup(worker.process)));
    while (this.workers.length < count) {
      this.workers.push(await this.startWorker(this.workers.length));
    }
  }

  private async startWorker(index: number): Promise<Worker> {
    const reserved = this.knownPorts[index];
    for (let attempt = 1; ; attempt++) {
      const port = reserved ?? (await findFreePort());
      const concurrency = this.options.concurrency ?? 1;
      const child = spawnGroup('php', this.phpArgs(port), {
        env:
          concurrency > 1
            ? { ...this.options.env, PHP_CLI_SERVER_WORKERS: String(concurrency) }
            : this.options.env,
        cwd: this.options.docRoot,
        logFile: this.options.logFile,
      });
      try {
        await this.waitUntilHealthy(port, child);
        if (reserved === undefined) this.knownPorts[index] = port;
        return { port, process: child };
      } catch (error) {
        await stopGroup(child);
        if (reserved !== undefined || attempt >= 3) throw error;
      }
    }
  }

  private phpArgs(port: number): string[] {
    const ini: Record<string, string> = {
      display_errors: '0',
      log_errors: '1',
      ...(this.options.logFile ? { error_log: this.options.logFile } : {}),
      memory_limit: '256M',
      upload_max_filesize: '64M',
      post_max_size: '64M',
      max_execution_time: '300',
      'opcache.enable_cli': '1',
      'opcache.validate_timestamps': '1',
      'opcache.revalidate_freq': '0',
    };
    const settings = Object.entries(ini).flatMap(([key, value]) => ['-d', `${key}=${value}`]);
    const router = this.options.routerScript ?? wordpressImagePaths().routerScript;
    // -q: no access log lines, only PHP's errors.
    return [...settings, '-q', '-S', `${LOOPBACK}:${port}`, '-t', this.options.docRoot, router];
  }

  private async waitUntilHealthy(port: number, child: GroupProcess): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.hasExited()) {
        throw new Error(`php -S on port ${port} exited while starting${await this.logTail()}`);
      }
      if ((await probe(port, HEALTH_PATH, this.options.healthHost, 10_000)) === 200) return;
      await sleep(50);
    }
    throw new Error(
      `php -S on port ${port} did not answer ${HEALTH_PATH} within ${timeoutMs} ms${await this.logTail()}`,
    );
  }

  private async logTail(): Promise<string> {
    if (!this.options.logFile) return '';
    try {
      const lines = (await readFile(this.options.logFile, 'utf8')).trim().split('\n');
      return `: ${lines.slice(-5).join('\n')}`;
    } catch {
      return '';
    }
  }
}
