import {
  LOCAL_PORTS,
  loadConfig,
  loadHostingEnvironments,
  optionalUrl,
  stageVar,
  z,
  type HostingEnvironments,
  type Stage,
} from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';
import { computeConfigFor, type ComputeConfig } from '@bbws/integrations-compute';

/** What the instances feature needs beyond the platform: the hosting environments and where ECS/ELBv2 answer. */
export interface InstancesConfig {
  environments: HostingEnvironments;
  compute: ComputeConfig;
}

/**
 * `instances` is optional only because the shared `runApi` entry loads the platform part alone;
 * {@link resolveInstancesConfig} validates it from the environment at boot when it is missing.
 */
export type InstancesApiConfig = PlatformConfig & { instances?: InstancesConfig };

export const INSTANCES_API_PORT = LOCAL_PORTS['instances-api'];

const LOCAL_STAGES: readonly Stage[] = ['local', 'test'];

/**
 * `ECS_ENDPOINT` / `ELBV2_ENDPOINT`: the local data plane's ECS- and ELBv2-compatible endpoints (every
 * environment); unset in the cloud, where each environment's region decides. Hosting environments:
 * `HOSTING_ENVIRONMENTS` (see libs/shared/config/src/hosting-environments.ts).
 */
const computeEnvSchema = z.object({
  BBWS_STAGE: stageVar,
  ECS_ENDPOINT: optionalUrl,
  ELBV2_ENDPOINT: optionalUrl,
});

export function loadInstancesConfig(env: NodeJS.ProcessEnv = process.env): InstancesConfig {
  const { BBWS_STAGE: stage, ECS_ENDPOINT, ELBV2_ENDPOINT } = loadConfig(computeEnvSchema, env);
  const environments = loadHostingEnvironments(env, stage);
  const compute = computeConfigFor(environments, {
    ecsEndpoint: ECS_ENDPOINT,
    elbv2Endpoint: ELBV2_ENDPOINT,
    signWithDummyCredentials: LOCAL_STAGES.includes(stage),
  });
  return { environments, compute };
}

export function loadInstancesApiConfig(
  env: NodeJS.ProcessEnv = process.env,
): InstancesApiConfig & { instances: InstancesConfig } {
  return {
    ...loadConfig(platformEnvSchema('instances-api', INSTANCES_API_PORT), env),
    instances: loadInstancesConfig(env),
  };
}

/** The instances settings the app was registered with, or else validated from the environment now (at boot). */
export function resolveInstancesConfig(
  config: InstancesApiConfig,
  env: NodeJS.ProcessEnv = process.env,
): InstancesConfig {
  return config.instances ?? loadInstancesConfig(env);
}
