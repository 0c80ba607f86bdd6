import type { TableNames } from '@bbws/data-access-dynamo';

export const API_SERVICES = [
  'tenants-api',
  'instances-api',
  'sites-api',
  'templates-api',
  'plugins-api',
  'operations-api',
] as const;

export type ApiService = (typeof API_SERVICES)[number];

export function isApiService(value: string | undefined): value is ApiService {
  return (API_SERVICES as readonly string[]).includes(value ?? '');
}

/** Where the bench's engines and identity are; every API and bare server of the section shares them. */
export interface BenchEndpoints {
  dynamo: string;
  sqs: string;
  tables: TableNames;
  auth: { issuer: string; audience: string; jwksUrl: string };
  dataDir: string;
}

/** The stage the apps run in (queue names derive from it) and the one the bare servers use. */
export const BENCH_APP_STAGE = 'test';

/**
 * The environment an API app reads in the bench: what the local platform gives it (tools/local/
 * local-platform.config.ts appEnvironment) pointed at the bench's engines and identity. The bare servers
 * get the same, so both build their clients from the same settings.
 */
export function benchAppEnvironment(endpoints: BenchEndpoints, port: number): Record<string, string> {
  const { tables, auth } = endpoints;
  return {
    BBWS_STAGE: BENCH_APP_STAGE,
    BBWS_DATA_DIR: endpoints.dataDir,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: endpoints.dynamo,
    SQS_ENDPOINT: endpoints.sqs,
    TABLE_TENANTS: tables.tenants,
    TABLE_INSTANCES: tables.instances,
    TABLE_SITES: tables.sites,
    TABLE_OPERATIONS: tables.operations,
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audience,
    AUTH_JWKS_URL: auth.jwksUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
  };
}
