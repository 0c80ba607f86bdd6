import { defaultTableNames, type TableNames } from '@bbws/data-access-dynamo';
import { portVar, stageVar, z, type Stage } from '@bbws/shared-config';

export interface PlatformConfig {
  service: string;
  stage: Stage;
  region: string;
  dataDir: string;
  host: string;
  port: number;
  logLevel: string;
  dynamoEndpoint?: string;
  sqsEndpoint?: string;
  tables: TableNames;
  auth: { issuer: string; audience: string; jwksUrl: string };
  cursorSecret: string;
  /** How long a membership lookup is reused (ARCHITECTURE.md: at most 30 s). */
  accessCacheTtlMs: number;
  auditRetentionDays: number;
  /** `true`, `false`, or a comma-separated list of proxy addresses/CIDRs whose X-Forwarded-For is trusted. */
  trustProxy: string | boolean;
}

const LOCAL_STAGES: readonly Stage[] = ['local', 'test'];

/** The environment every API app and the workers read; apps extend it with their own variables. */
export function platformEnvSchema(service: string, defaultPort: number) {
  return z
    .object({
      BBWS_STAGE: stageVar,
      AWS_REGION: z.string().min(1).default('us-east-1'),
      BBWS_DATA_DIR: z.string().default('.data'),
      HOST: z.string().default('127.0.0.1'),
      PORT: portVar(defaultPort),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      DYNAMODB_ENDPOINT: z.string().url().optional(),
      SQS_ENDPOINT: z.string().url().optional(),
      TABLE_TENANTS: z.string().optional(),
      TABLE_INSTANCES: z.string().optional(),
      TABLE_SITES: z.string().optional(),
      TABLE_OPERATIONS: z.string().optional(),
      AUTH_ISSUER: z.string().min(1).default('http://127.0.0.1:3000/local-identity'),
      AUTH_AUDIENCE: z.string().min(1).default('bbws-local'),
      AUTH_JWKS_URL: z.string().url().default('http://127.0.0.1:3000/.well-known/jwks.json'),
      CURSOR_SECRET: z.string().min(16).optional(),
      ACCESS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(30_000).default(30_000),
      AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
      TRUST_PROXY: z.string().default('127.0.0.1'),
    })
    .superRefine((env, context) => {
      if (!LOCAL_STAGES.includes(env.BBWS_STAGE) && !env.CURSOR_SECRET) {
        context.addIssue({ code: 'custom', path: ['CURSOR_SECRET'], message: 'required outside the local stages' });
      }
    })
    .transform((env): PlatformConfig => {
      const tables = defaultTableNames(env.BBWS_STAGE);
      return {
        service,
        stage: env.BBWS_STAGE,
        region: env.AWS_REGION,
        dataDir: env.BBWS_DATA_DIR,
        host: env.HOST,
        port: env.PORT,
        logLevel: env.LOG_LEVEL,
        dynamoEndpoint: env.DYNAMODB_ENDPOINT,
        sqsEndpoint: env.SQS_ENDPOINT,
        tables: {
          tenants: env.TABLE_TENANTS ?? tables.tenants,
          instances: env.TABLE_INSTANCES ?? tables.instances,
          sites: env.TABLE_SITES ?? tables.sites,
          operations: env.TABLE_OPERATIONS ?? tables.operations,
        },
        auth: { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL },
        cursorSecret: env.CURSOR_SECRET ?? `bbws-${env.BBWS_STAGE}-cursor-secret`,
        accessCacheTtlMs: env.ACCESS_CACHE_TTL_MS,
        auditRetentionDays: env.AUDIT_RETENTION_DAYS,
        trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY,
      };
    });
}
