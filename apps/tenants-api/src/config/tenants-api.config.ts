import path from 'node:path';
import { LOCAL_PORTS, loadConfig, stageVar, z, type Stage } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';

/** Adapters and settings of the organization features (members, hierarchy, invitations, email). */
export interface OrganizationConfig {
  /** Base URL of the customer portal; invitation links are `<portalUrl>/invite/<token>`. */
  portalUrl: string;
  email: { from: string } & (
    { adapter: 'file'; directory: string } | { adapter: 'ses'; configurationSetName?: string }
  );
  identity: { adapter: 'local' } | { adapter: 'cognito'; userPoolId: string };
  /** Per client IP on the public invitation-token routes. */
  invitationRateLimit: { max: number; windowSeconds: number };
}

/**
 * `organization` is optional only because the shared `runApi` entry loads the platform part alone;
 * {@link resolveOrganizationConfig} validates it from the environment at boot when it is missing.
 */
export type TenantsApiConfig = PlatformConfig & { organization?: OrganizationConfig };

export const TENANTS_API_PORT = LOCAL_PORTS['tenants-api'];

const LOCAL_STAGES: readonly Stage[] = ['local', 'test'];

const organizationEnvSchema = z
  .object({
    BBWS_STAGE: stageVar,
    BBWS_DATA_DIR: z.string().default('.data'),
    PORTAL_URL: z.string().url().default('http://localhost:3000'),
    EMAIL_FROM: z.string().min(3).max(320).default('BBWS <no-reply@bbws.local>'),
    SES_CONFIGURATION_SET: z.string().min(1).optional(),
    COGNITO_USER_POOL_ID: z
      .string()
      .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like <region>_<id>')
      .optional(),
    INVITATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  })
  .superRefine((env, context) => {
    if (!LOCAL_STAGES.includes(env.BBWS_STAGE) && !env.COGNITO_USER_POOL_ID) {
      context.addIssue({
        code: 'custom',
        path: ['COGNITO_USER_POOL_ID'],
        message: 'required outside the local stages',
      });
    }
  })
  .transform((env): OrganizationConfig => {
    const local = LOCAL_STAGES.includes(env.BBWS_STAGE);
    return {
      portalUrl: env.PORTAL_URL,
      email: local
        ? { from: env.EMAIL_FROM, adapter: 'file', directory: path.join(env.BBWS_DATA_DIR, 'mail') }
        : { from: env.EMAIL_FROM, adapter: 'ses', configurationSetName: env.SES_CONFIGURATION_SET },
      identity: local
        ? { adapter: 'local' }
        : { adapter: 'cognito', userPoolId: env.COGNITO_USER_POOL_ID as string },
      invitationRateLimit: { max: env.INVITATION_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    };
  });

export function loadTenantsApiConfig(
  env: NodeJS.ProcessEnv = process.env,
): TenantsApiConfig & { organization: OrganizationConfig } {
  return {
    ...loadConfig(platformEnvSchema('tenants-api', TENANTS_API_PORT), env),
    organization: loadConfig(organizationEnvSchema, env),
  };
}

/** The organization settings the app was registered with, or else validated from the environment now (at boot). */
export function resolveOrganizationConfig(
  config: TenantsApiConfig,
  env: NodeJS.ProcessEnv = process.env,
): OrganizationConfig {
  return config.organization ?? loadConfig(organizationEnvSchema, env);
}
