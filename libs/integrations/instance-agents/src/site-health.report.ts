import type { SiteHealth } from '@bbws/integrations-wordpress-client';

export type SiteHealthState = 'HEALTHY' | 'DEGRADED' | 'UNHEALTHY' | 'UNKNOWN';
export type SiteHealthCheckStatus = 'PASS' | 'WARN' | 'FAIL';

export interface SiteHealthCheckResult {
  name: string;
  status: SiteHealthCheckStatus;
  message: string;
}

/** API.md § Sites `GET .../health`. */
export interface SiteHealthReport {
  status: SiteHealthState;
  checkedAt: string;
  /** The home page's response time; null when it did not answer. */
  responseTimeMs: number | null;
  checks: SiteHealthCheckResult[];
}

/** The home page through the front door: its HTTP status (null: no answer) and whether it shows a PHP fatal. */
export interface HomePageProbe {
  httpStatus: number | null;
  responseTimeMs: number | null;
  fatal: boolean;
  /** Why there was no answer. */
  error?: string;
}

/** The agent's site-health answer, or why it could not be had (`reachable: false`: no answer at all). */
export type AgentHealth =
  { ok: true; health: SiteHealth } | { ok: false; reachable: boolean; message: string };
