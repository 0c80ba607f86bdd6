/** The address every app listens on locally. */
export const LOCAL_HOST = '127.0.0.1';

/**
 * The one table of local ports (LOCAL.md): the front door, the API apps behind it and the workers'
 * health server. Apps default to their port here; `npm start` and the front door read it too.
 */
export const LOCAL_PORTS = {
  'front-door': 3000,
  'tenants-api': 3001,
  'instances-api': 3002,
  'sites-api': 3003,
  'templates-api': 3004,
  'plugins-api': 3005,
  'operations-api': 3006,
  workers: 3007,
} as const;

export type LocalAppName = keyof typeof LOCAL_PORTS;

/** Local stand-ins of AWS services that `npm start` serves on fixed ports besides the apps. */
export const LOCAL_SERVICE_PORTS = {
  /** The S3-compatible artifacts server (data under `<data dir>/artifacts`). */
  s3: 4568,
  /** The GitHub-compatible REST API over the GitOps repositories (`<data dir>/gitops/{env}`). */
  github: 4569,
  /** The local data plane's ECS- and ELBv2-compatible control endpoint (ECS_ENDPOINT, ELBV2_ENDPOINT). */
  compute: 4570,
  /** The ALB proxy in front of the instances' workers (the front door sends `*.{env}.localhost` there). */
  alb: 4571,
  /** The MariaDB server of the data directory (the local stand-in for RDS). */
  mariadb: 3307,
} as const;

/** The API apps behind the front door, in port order. */
export const LOCAL_API_APPS = [
  'tenants-api',
  'instances-api',
  'sites-api',
  'templates-api',
  'plugins-api',
  'operations-api',
] as const satisfies readonly LocalAppName[];

export type LocalApiApp = (typeof LOCAL_API_APPS)[number];

export function localUrl(app: LocalAppName): string {
  return `http://${LOCAL_HOST}:${LOCAL_PORTS[app]}`;
}
