/** One REST request the client makes, described before it is sent. */
export interface WordPressCall {
  /** The client method, for logs and errors. */
  operation: string;
  /** Core REST (application password) or the platform agent (signed). */
  api: 'core' | 'agent';
  method: 'GET' | 'POST' | 'DELETE';
  /** REST route, e.g. `/wp/v2/plugins` or `/bbws/v1/sites/2/health`. */
  route: string;
  /** Host header: the network's host for agent calls, the site's host for site-scoped core calls. */
  host: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Only idempotent calls are retried. */
  idempotent: boolean;
  timeoutMs: number;
}

/** Which timeout applies: the default, package installs, or whole-site archives. */
export type TimeoutClass = 'default' | 'package' | 'archive';

/** A call before the connection (host) and the client's timeouts are known. */
export type WordPressCallSpec = Omit<WordPressCall, 'timeoutMs' | 'host'> & {
  host?: string;
  timeout?: TimeoutClass;
};
