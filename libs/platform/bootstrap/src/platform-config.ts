import { defaultTableNames, type TableNames } from '@bbws/data-access-dynamo';
import { localUrl, portVar, stageVar, z, type Stage } from '@bbws/shared-config';
import { parseTrustedProxies } from './trusted-proxies';

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
  /**
   * Proxy addresses/CIDRs whose X-Forwarded-For is trusted, comma-separated. `true`/`false` only in the
   * local stages; in a cloud stage the VPC CIDR (or subnet CIDRs) of the load balancer.
   */
  trustProxy: string | boolean;
}

const LOCAL_STAGES: readonly Stage[] = ['local', 'test'];

const LOCAL_AUTH = {
  issuer: `${localUrl('front-door')}/local-identity`,
  audience: 'bbws-local',
  jwksUrl: `${localUrl('front-door')}/.well-known/jwks.json`,
};

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
      /** Outside the local stages: the Cognito user pool's issuer, app client id and JWKS URL (https). */
      AUTH_ISSUER: z.string().min(1).optional(),
      AUTH_AUDIENCE: z.string().min(1).optional(),
      AUTH_JWKS_URL: z.string().url().optional(),
      CURSOR_SECRET: z.string().min(16).optional(),
      ACCESS_CACHE_TTL_MS: z.coerce.number().int().min(0).max(30_000).default(30_000),
      AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
      /**
       * Proxies whose X-Forwarded-For names the client (rate limits per client IP). Behind API Gateway
       * -> VPC link -> ALB -> task, the ALB connects from its subnets and appends the VPC link's address,
       * so set the VPC CIDR covering the ALB and VPC-link subnets (e.g. `10.20.0.0/16`); the client is
       * the rightmost address outside it. Locally `127.0.0.1` (the front door); `true` only locally.
       */
      TRUST_PROXY: z.string().optional(),
    })
    .superRefine((env, context) => {
      const cloud = !LOCAL_STAGES.includes(env.BBWS_STAGE);
      const required = [
        'CURSOR_SECRET',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'AUTH_JWKS_URL',
        'TRUST_PROXY',
      ] as const;
      for (const name of cloud ? required : []) {
        if (!env[name])
          context.addIssue({ code: 'custom', path: [name], message: 'required outside the local stages' });
      }
      if (cloud && env.AUTH_JWKS_URL && new URL(env.AUTH_JWKS_URL).protocol !== 'https:') {
        context.addIssue({
          code: 'custom',
          path: ['AUTH_JWKS_URL'],
          message: 'must use https outside the local stages',
        });
      }
      const trust = env.TRUST_PROXY;
      const localSwitch = !cloud && (trust === 'true' || trust === 'false');
      if (trust !== undefined && !localSwitch && !parseTrustedProxies(trust)) {
        context.addIssue({
          code: 'custom',
          path: ['TRUST_PROXY'],
          message: cloud
            ? 'must be a comma-separated list of proxy addresses or CIDRs (the load balancer subnets) outside the local stages'
            : 'must be true, false, or a comma-separated list of addresses or CIDRs',
        });
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
        auth: {
          issuer: env.AUTH_ISSUER ?? LOCAL_AUTH.issuer,
          audience: env.AUTH_AUDIENCE ?? LOCAL_AUTH.audience,
          jwksUrl: env.AUTH_JWKS_URL ?? LOCAL_AUTH.jwksUrl,
        },
        cursorSecret: env.CURSOR_SECRET ?? `bbws-${env.BBWS_STAGE}-cursor-secret`,
        accessCacheTtlMs: env.ACCESS_CACHE_TTL_MS,
        auditRetentionDays: env.AUDIT_RETENTION_DAYS,
        trustProxy: trustProxySetting(env.TRUST_PROXY ?? '127.0.0.1'),
      };
    });
}

function trustProxySetting(value: string): string | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  return (parseTrustedProxies(value) ?? []).join(',');
}
