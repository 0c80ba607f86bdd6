import type { HostingEnvironment } from '@bbws/shared-contracts';

/** What the ALB's listener rule for a host says: forward to the instance's workers, or a fixed answer. */
export type HostRoute =
  | { kind: 'forward'; environment: HostingEnvironment; slug: string }
  | { kind: 'fixed'; statusCode: number; contentType: string; body: string };

/** The listener rules, by host (lower-case, without port); undefined for a host no rule names. */
export interface HostRoutes {
  route(host: string): HostRoute | undefined;
}
