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
