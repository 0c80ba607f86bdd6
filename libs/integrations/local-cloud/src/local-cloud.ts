import path from 'node:path';
import {
  LocalDataPlane,
  startControlServer,
  type ControlRequest,
  type EcsEventsOptions,
} from '@bbws/integrations-local-compute';
import { findGitOpsTemplateDir, LocalGitHubServer } from '@bbws/integrations-local-gitops';
import { AlbProxy, LocalInstanceRuntime, LocalRuntimeMissingError } from '@bbws/integrations-local-runtime';
import { checkRuntimePackages, MariaDbServer } from '@bbws/integrations-local-wordpress';
import type { HostingEnvironments } from '@bbws/shared-config';
import { ArchiveTaskRunner } from './archive-task.runner';
import { DataPlaneTerraformApplier } from './data-plane.applier';
import { MissingRuntimeFleet } from './missing-runtime.fleet';

export interface LocalCloudPorts {
  /** The GitHub-compatible REST API. */
  github?: number;
  /** The ECS- and ELBv2-compatible control endpoint. */
  compute?: number;
  /** The ALB proxy in front of the instances' workers. */
  alb?: number;
  /** The MariaDB server (when this cloud starts it). */
  mariadb?: number;
}

export interface LocalCloudOptions {
  /** Everything lives here: mariadb/, instances/, secrets/, gitops/, compute state. */
  dataDir: string;
  /** The hosting environments; each gets a repository named by its `gitops.repository`. */
  environments: HostingEnvironments;
  /** The bearer token the GitHub-compatible API accepts. */
  gitopsToken: string;
  region?: string;
  /** Where the data plane sends its ECS events (the instance-events queue); none without it. */
  events?: EcsEventsOptions;
  /** 0 or absent: a free port. */
  ports?: LocalCloudPorts;
  /** A running MariaDB server to use instead of starting the data directory's own (the caller stops it). */
  mariadb?: MariaDbServer;
  /** MariaDB for tests: no durability, data directory template cached here. */
  mariadbEphemeral?: boolean;
  mariadbTemplateCacheDir?: string;
  /** The repository template (tools/gitops-template of this checkout by default). */
  templateDir?: string;
  /** Worker health probes (10 s by default) and the data plane's convergence polling (250 ms). */
  healthCheckIntervalMs?: number;
  pollIntervalMs?: number;
  convergenceTimeoutMs?: number;
  /** Sees every request to the control endpoint (tests assert wire shapes). */
  observeControl?: (request: ControlRequest) => void;
  onError?: (error: unknown, context: string) => void;
}

export interface LocalCloudEndpoints {
  github: string;
  ecs: string;
  elbv2: string;
  alb: string;
}

export interface LocalCloud {
  endpoints: LocalCloudEndpoints;
  plane: LocalDataPlane;
  /** Undefined when PHP, MariaDB or WordPress core are missing (`missingRuntime` says what). */
  runtime?: LocalInstanceRuntime;
  missingRuntime?: LocalRuntimeMissingError;
  mariadb?: MariaDbServer;
  github: LocalGitHubServer;
  alb: AlbProxy;
  stop(): Promise<void>;
}

/**
 * The local stand-ins for GitHub, ECS, the ALB and RDS/EFS wired into one whole: the MariaDB server
 * of the data directory, the instances' runtime, the data plane with its ECS/ELBv2 control endpoint,
 * the ALB proxy routing by the data plane's listener rules, and the GitHub-compatible server whose
 * workflow runs apply the committed Terraform to the data plane. A restart on the same data directory
 * keeps repositories, runs, services and rules, and brings the workers back. Without PHP, MariaDB or
 * WordPress core everything still starts; applies then fail with LOCAL_RUNTIME_MISSING.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    stops.length = 0;
  };
  try {
    const packages = await checkRuntimePackages();
    const missingRuntime = packages.ok
      ? undefined
      : new LocalRuntimeMissingError(packages.missing, packages.installCommand);
    let mariadb = options.mariadb;
    if (!mariadb && !missingRuntime) {
      const started = await MariaDbServer.start({
        baseDir: path.join(options.dataDir, 'mariadb'),
        port: options.ports?.mariadb || undefined,
        ephemeral: options.mariadbEphemeral,
        templateCacheDir: options.mariadbTemplateCacheDir,
      });
      stops.push(() => started.stop());
      mariadb = started;
    }
    const runtime = mariadb
      ? new LocalInstanceRuntime({
          dataDir: options.dataDir,
          server: mariadb,
          healthCheckIntervalMs: options.healthCheckIntervalMs,
        })
      : undefined;
    if (runtime) stops.push(() => runtime.stopAll());

    const plane = new LocalDataPlane({
      dataDir: options.dataDir,
      region: options.region ?? 'us-east-1',
      fleet: runtime ?? new MissingRuntimeFleet(missingRuntime as LocalRuntimeMissingError),
      tasks: new ArchiveTaskRunner(
        runtime ?? (missingRuntime as LocalRuntimeMissingError),
        path.join(options.dataDir, 'tasks'),
      ),
      // The control plane finds rules on the listener its hosting-environment config names.
      listenerArns: Object.fromEntries(
        Object.values(options.environments).map((environment) => [
          environment.environment,
          environment.listenerArn,
        ]),
      ),
      events: options.events,
      pollIntervalMs: options.pollIntervalMs,
      convergenceTimeoutMs: options.convergenceTimeoutMs,
      onError: options.onError,
    });
    await plane.start();
    stops.push(() => plane.stop());
    const control = await startControlServer(plane, {
      port: options.ports?.compute,
      observe: options.observeControl,
    });
    stops.push(() => control.close());

    const alb = new AlbProxy({
      routes: plane,
      targets: runtime ?? { healthyWorkerPorts: () => [] },
      trustForwardedHost: true,
      stripHostPort: true,
    });
    await alb.listen({ port: options.ports?.alb ?? 0 });
    stops.push(() => alb.close());

    const github = new LocalGitHubServer({
      dataDir: options.dataDir,
      token: options.gitopsToken,
      repositories: repositoriesOf(options.environments),
      applier: new DataPlaneTerraformApplier({
        plane,
        runtime: runtime ?? (missingRuntime as LocalRuntimeMissingError),
      }),
      templateDir: options.templateDir ?? findGitOpsTemplateDir(__dirname),
      port: options.ports?.github,
    });
    await github.start();
    stops.push(() => github.stop());

    return {
      endpoints: { github: github.baseUrl, ecs: control.endpoint, elbv2: control.endpoint, alb: alb.url },
      plane,
      runtime,
      missingRuntime,
      mariadb,
      github,
      alb,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}

/** Environment name → `owner/name` and branch of its GitOps repository. */
function repositoriesOf(environments: HostingEnvironments) {
  return Object.fromEntries(
    Object.values(environments).map((environment) => {
      const [owner, repo] = environment.gitops.repository.split('/');
      return [environment.environment, { owner, repo, branch: environment.gitops.branch }];
    }),
  );
}
