/** How to reach one instance (a multisite network): resolved from the instance record and the secret store. */
export interface WordPressConnection {
  /** Where requests go, e.g. the ALB or a local worker: `http://127.0.0.1:8081`. */
  baseUrl: string;
  /** The network's main host, sent as `Host` (production routes by host). */
  hostHeader: string;
  /** Sent as `X-Tenant-Id` on every request. */
  tenantId: string;
  credentials: WordPressCredentials;
}

export interface WordPressCredentials {
  /** Keys the HMAC of every agent request. */
  agentSecret: string;
  /** The platform's network admin, for core REST calls (from `bootstrap`). */
  applicationPassword?: ApplicationPassword;
}

export interface ApplicationPassword {
  username: string;
  password: string;
}

/** One site (blog) of the network: its blog id and its own host. */
export interface SiteRef {
  blogId: number;
  host: string;
}
