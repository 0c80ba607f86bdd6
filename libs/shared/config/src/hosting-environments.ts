import { z } from 'zod';
import { ConfigError } from './load-config';
import { LOCAL_PORTS } from './local-ports';
import type { Stage } from './env-types';

/**
 * The hosting environments (ARCHITECTURE.md § Deployment stage and hosting environments): where
 * tenants' instances run, one control plane managing all three.
 *
 * Read from ONE environment variable, `HOSTING_ENVIRONMENTS`: a JSON object keyed by environment
 * (`DEV`, `SIT`, `PROD`), each value overriding fields of that environment's defaults, e.g.
 *
 *   HOSTING_ENVIRONMENTS='{"PROD":{"region":"eu-west-1","listenerArn":"arn:aws:elasticloadbalancing:...",
 *     "domainSuffix":"wp.example.io","gitops":{"repository":"acme/bbws-prod","branch":"main"},
 *     "image":"123456789012.dkr.ecr.eu-west-1.amazonaws.com/wordpress:6.6","tiers":{"STANDARD":{"desiredCount":2}}}}'
 *
 * In the local stages (`local`, `test`) every environment defaults to the local data plane
 * (`{slug}.{env}.localhost` behind the front door, the local GitOps repositories). In a cloud stage
 * `listenerArn`, `domainSuffix`, `gitops.repository` and `image` have no defaults and must be given for
 * each environment. PROD never runs fewer than two tasks (`desiredCount` ≥ 2 in every PROD tier).
 */
export const HOSTING_ENVIRONMENT_NAMES = ['DEV', 'SIT', 'PROD'] as const;
export type HostingEnvironmentName = (typeof HOSTING_ENVIRONMENT_NAMES)[number];

export const INSTANCE_TIERS = ['STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type InstanceTier = (typeof INSTANCE_TIERS)[number];

/** ECS task size of a tier (cpu units, memory MiB) and the number of tasks an instance starts with. */
export interface TierSize {
  cpu: number;
  memory: number;
  desiredCount: number;
}

export interface HostingEnvironmentConfig {
  environment: HostingEnvironmentName;
  region: string;
  /** Role the control plane assumes for this environment's account (absent: its own credentials). */
  accountRoleArn?: string;
  /** ECS cluster (`{env}-cluster`). */
  cluster: string;
  /** The ALB's HTTPS listener the instances' host rules hang off. */
  listenerArn: string;
  /** An instance's host is `{slug}.{domainSuffix}`. */
  domainSuffix: string;
  /** How the network's base URL is written: `{scheme}://{slug}.{domainSuffix}[:{port}]/`. */
  siteUrl: { scheme: 'http' | 'https'; port?: number };
  /** The environment's GitOps repository (`owner/name`) and branch. */
  gitops: { repository: string; branch: string };
  /** WordPress container image the task definitions run. */
  image: string;
  /** The WordPress version new instances get when the request names none. */
  defaultWordpressVersion: string;
  tiers: Record<InstanceTier, TierSize>;
}

export type HostingEnvironments = Record<HostingEnvironmentName, HostingEnvironmentConfig>;

/** PROD never runs fewer tasks than this. */
export const PROD_MIN_DESIRED_COUNT = 2;

const DEFAULT_TIERS: Record<InstanceTier, TierSize> = {
  STANDARD: { cpu: 512, memory: 1024, desiredCount: 1 },
  PROFESSIONAL: { cpu: 1024, memory: 2048, desiredCount: 2 },
  ENTERPRISE: { cpu: 2048, memory: 4096, desiredCount: 3 },
};

const PROD_TIERS: Record<InstanceTier, TierSize> = {
  ...DEFAULT_TIERS,
  STANDARD: { ...DEFAULT_TIERS.STANDARD, desiredCount: 2 },
};

const tierSize = z.object({
  cpu: z.number().int().min(256).max(16_384),
  memory: z.number().int().min(512).max(122_880),
  desiredCount: z.number().int().min(1).max(10),
});

const environmentSchema = z.object({
  environment: z.enum(HOSTING_ENVIRONMENT_NAMES),
  region: z.string().min(1),
  accountRoleArn: z.string().startsWith('arn:').optional(),
  cluster: z.string().min(1).max(255),
  listenerArn: z.string().startsWith('arn:', 'must be an ELBv2 listener ARN'),
  domainSuffix: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'must be a DNS name'),
  siteUrl: z.object({
    scheme: z.enum(['http', 'https']),
    port: z.number().int().min(1).max(65535).optional(),
  }),
  gitops: z.object({
    repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'),
    branch: z.string().min(1).max(255),
  }),
  image: z.string().min(1),
  defaultWordpressVersion: z.string().min(1).max(20),
  tiers: z.object({ STANDARD: tierSize, PROFESSIONAL: tierSize, ENTERPRISE: tierSize }),
});

const LOCAL_STAGES: readonly Stage[] = ['local', 'test'];

/** The local data plane's stand-in for each environment (LOCAL.md). */
function localDefaults(environment: HostingEnvironmentName, region: string): Record<string, unknown> {
  const env = environment.toLowerCase();
  return {
    environment,
    region,
    cluster: `${env}-cluster`,
    listenerArn: `arn:aws:elasticloadbalancing:${region}:000000000000:listener/app/bbws-local-${env}/0000000000000000/${env}`,
    domainSuffix: `${env}.localhost`,
    siteUrl: { scheme: 'http', port: LOCAL_PORTS['front-door'] },
    gitops: { repository: `bbws-local/gitops-${env}`, branch: 'main' },
    image: 'bbws/wordpress:local',
  };
}

function defaults(
  environment: HostingEnvironmentName,
  stage: Stage,
  region: string,
): Record<string, unknown> {
  const env = environment.toLowerCase();
  const common = {
    environment,
    region,
    cluster: `${env}-cluster`,
    siteUrl: { scheme: 'https' },
    gitops: { branch: 'main' },
    defaultWordpressVersion: '6.6',
    tiers: environment === 'PROD' ? PROD_TIERS : DEFAULT_TIERS,
  };
  return LOCAL_STAGES.includes(stage) ? merge(common, localDefaults(environment, region)) : common;
}

/** Deep merge of plain objects (overrides win; arrays and scalars replace). */
function merge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : (value as unknown);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const overridesSchema = z
  .record(z.enum(HOSTING_ENVIRONMENT_NAMES), z.record(z.unknown()))
  .refine((value) => Object.values(value).every(isPlainObject), 'each environment must be an object');

/**
 * The validated hosting environments for `stage`, from `HOSTING_ENVIRONMENTS` (see above) over the
 * defaults; a ConfigError names every invalid or missing field.
 */
export function loadHostingEnvironments(
  env: NodeJS.ProcessEnv,
  stage: Stage,
  region = env.AWS_REGION ?? 'us-east-1',
): HostingEnvironments {
  let overrides: Partial<Record<HostingEnvironmentName, Record<string, unknown>>> = {};
  const raw = env.HOSTING_ENVIRONMENTS;
  if (raw !== undefined && raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ConfigError('Invalid configuration:\n  HOSTING_ENVIRONMENTS: must be a JSON object');
    }
    const checked = overridesSchema.safeParse(parsed);
    if (!checked.success)
      throw new ConfigError(
        `Invalid configuration:\n  HOSTING_ENVIRONMENTS: ${checked.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
      );
    overrides = checked.data;
  }
  const problems: string[] = [];
  const result = {} as HostingEnvironments;
  for (const name of HOSTING_ENVIRONMENT_NAMES) {
    const candidate = merge(defaults(name, stage, region), { ...overrides[name], environment: name });
    const parsed = environmentSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`HOSTING_ENVIRONMENTS.${name}.${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    if (name === 'PROD') {
      for (const tier of INSTANCE_TIERS) {
        if (parsed.data.tiers[tier].desiredCount < PROD_MIN_DESIRED_COUNT)
          problems.push(`HOSTING_ENVIRONMENTS.PROD.tiers.${tier}.desiredCount: PROD runs at least 2 tasks`);
      }
    }
    result[name] = parsed.data;
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return result;
}

/** The desired-count range an environment accepts (2-10 in PROD, 1-10 elsewhere). */
export function desiredCountRange(environment: HostingEnvironmentName): { min: number; max: number } {
  return { min: environment === 'PROD' ? PROD_MIN_DESIRED_COUNT : 1, max: 10 };
}
