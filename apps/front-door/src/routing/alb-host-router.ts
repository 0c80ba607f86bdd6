import { HOSTING_ENVIRONMENT_NAMES } from '@bbws/shared-config';
import type { HostRouter } from './host-router';

/** `{anything}.{env}.localhost` for each hosting environment: the instances' hosts on the local data plane. */
const INSTANCE_HOST = new RegExp(
  `^([a-z0-9-]+\\.)+(${HOSTING_ENVIRONMENT_NAMES.map((environment) => environment.toLowerCase()).join('|')})\\.localhost$`,
);

/**
 * Sends the instances' hosts (`*.dev.localhost`, `*.sit.localhost`, `*.prod.localhost`, any port) to
 * the local ALB proxy at `albUrl`, as the ALB receives what DNS points at it; the proxy answers the
 * rules (404 for a host no rule names, 503 in maintenance). Every other host is routed by path.
 */
export function albHostRouter(albUrl: string): HostRouter {
  const base = albUrl.replace(/\/+$/, '');
  return {
    resolve: (host) => (INSTANCE_HOST.test(host.replace(/:\d+$/, '').toLowerCase()) ? base : undefined),
  };
}
