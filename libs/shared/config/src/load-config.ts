import type { ZodType, ZodTypeDef } from 'zod';

export class ConfigError extends Error {}

/**
 * Validates the environment against an app's schema once, at boot. The only place that reads
 * `process.env`; everything else gets the typed result injected.
 */
export function loadConfig<T>(
  schema: ZodType<T, ZodTypeDef, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}
