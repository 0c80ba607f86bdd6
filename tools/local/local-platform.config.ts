import path from 'node:path';
import { artifactsBucketName } from '@bbws/integrations-artifacts';
import { LOCAL_API_APPS, LOCAL_HOST, LOCAL_PORTS, LOCAL_SERVICE_PORTS, localUrl } from '@bbws/shared-config';

/** Addresses and identity of the local platform (LOCAL.md); the apps get them as environment variables. */
export { LOCAL_HOST };
export const LOCAL_STAGE = 'local';
export const LOCAL_REGION = 'us-east-1';
export const FRONT_DOOR_PORT = LOCAL_PORTS['front-door'];
export const FRONT_DOOR_URL = localUrl('front-door');
export const DYNAMODB_PORT = 8000;
export const SQS_PORT = 9324;
export const S3_PORT = LOCAL_SERVICE_PORTS.s3;
export const GITHUB_PORT = LOCAL_SERVICE_PORTS.github;
export const COMPUTE_PORT = LOCAL_SERVICE_PORTS.compute;
export const ALB_PORT = LOCAL_SERVICE_PORTS.alb;
export const MARIADB_PORT = LOCAL_SERVICE_PORTS.mariadb;
/** The local cloud's endpoints (GitHub-compatible API, ECS/ELBv2, ALB proxy) on their fixed ports. */
export const LOCAL_CLOUD_URLS = {
  github: `http://${LOCAL_HOST}:${GITHUB_PORT}`,
  compute: `http://${LOCAL_HOST}:${COMPUTE_PORT}`,
  alb: `http://${LOCAL_HOST}:${ALB_PORT}`,
};
export const LOCAL_ARTIFACTS_BUCKET = artifactsBucketName(LOCAL_STAGE);

export const LOCAL_IDENTITY = {
  issuer: `${FRONT_DOOR_URL}/local-identity`,
  audience: 'bbws-local',
  jwksUrl: `${FRONT_DOOR_URL}/.well-known/jwks.json`,
};

export const SEED_ADMIN = { email: 'admin@bbws.local', name: 'Platform Admin' };

export interface LocalApp {
  name: string;
  port: number;
  /** Serves OpenAPI at /docs (reachable as /docs/<name> on the front door). */
  hasDocs: boolean;
}

/** The API apps (each serving docs) and the workers, with their ports from the shared ports table. */
export const LOCAL_APPS: readonly LocalApp[] = [
  ...LOCAL_API_APPS.map((name) => ({ name, port: LOCAL_PORTS[name], hasDocs: true })),
  { name: 'workers', port: LOCAL_PORTS.workers, hasDocs: false },
];

/** `BBWS_DATA_DIR` (relative to the repository) or `<repo>/.data`. */
export function localDataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.BBWS_DATA_DIR || '.data');
}

export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

/** The environment every app and the workers read (BBWS_STAGE, endpoints, identity, ...), without PORT. */
export function appEnvironment(
  dataDir: string,
  secrets: { cursorSecret: string; gitopsToken: string },
): Record<string, string> {
  return {
    BBWS_STAGE: LOCAL_STAGE,
    BBWS_DATA_DIR: dataDir,
    AWS_REGION: LOCAL_REGION,
    ...LOCAL_CREDENTIALS,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: `http://${LOCAL_HOST}:${DYNAMODB_PORT}`,
    SQS_ENDPOINT: `http://${LOCAL_HOST}:${SQS_PORT}`,
    S3_ENDPOINT: `http://${LOCAL_HOST}:${S3_PORT}`,
    ARTIFACTS_BUCKET: LOCAL_ARTIFACTS_BUCKET,
    AUTH_ISSUER: LOCAL_IDENTITY.issuer,
    AUTH_AUDIENCE: LOCAL_IDENTITY.audience,
    AUTH_JWKS_URL: LOCAL_IDENTITY.jwksUrl,
    CURSOR_SECRET: secrets.cursorSecret,
    ECS_ENDPOINT: LOCAL_CLOUD_URLS.compute,
    ELBV2_ENDPOINT: LOCAL_CLOUD_URLS.compute,
    GITOPS_BASE_URL: LOCAL_CLOUD_URLS.github,
    GITOPS_TOKEN: secrets.gitopsToken,
    HOST: LOCAL_HOST,
    // Short long-polls locally, so Ctrl-C stops the workers in about two seconds.
    WORKER_WAIT_TIME_SECONDS: '2',
  };
}
