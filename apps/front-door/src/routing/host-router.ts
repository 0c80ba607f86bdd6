/**
 * Host-based routing, checked before the path table: the local stand-in for the ALB's rules that
 * send a WordPress site's host (`{subdomain}.{env}.localhost`) to its instance's workers.
 * `albHostRouter` sends those hosts to the local ALB proxy; without a router every host is routed by path.
 */
export interface HostRouter {
  /** Base URL of the upstream serving this host, or undefined to route the request by path. */
  resolve(host: string): string | undefined;
}
