import type { HostingEnvironment } from '@bbws/shared-contracts';

/** Where one hosting environment's ECS and ELBv2 APIs are (endpoints only for the local data plane). */
export interface ComputeEnvironmentConfig {
  region: string;
  ecsEndpoint?: string;
  elbv2Endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts per call, retries included (SDK default 3). */
  maxAttempts?: number;
}

export type ComputeConfig = Partial<Record<HostingEnvironment, ComputeEnvironmentConfig>>;

/**
 * One compute config per hosting environment: its region, and where the local data plane answers
 * (`ECS_ENDPOINT` / `ELBV2_ENDPOINT`, the same for every environment locally; unset in the cloud). The
 * local data plane checks no signature, but the SDK still wants credentials to sign with.
 */
export function computeConfigFor(
  environments: Readonly<Record<string, { environment: HostingEnvironment; region: string }>>,
  local: { ecsEndpoint?: string; elbv2Endpoint?: string; signWithDummyCredentials: boolean },
): ComputeConfig {
  const config: ComputeConfig = {};
  for (const { environment, region } of Object.values(environments)) {
    config[environment] = {
      region,
      ...(local.ecsEndpoint ? { ecsEndpoint: local.ecsEndpoint } : {}),
      ...(local.elbv2Endpoint ? { elbv2Endpoint: local.elbv2Endpoint } : {}),
      ...(local.signWithDummyCredentials
        ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    };
  }
  return config;
}
