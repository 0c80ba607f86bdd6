import { randomBytes } from 'node:crypto';
import { loadOrCreateSecretFile } from '@bbws/integrations-local-wordpress';

/** The local stand-in for the instance's Secrets Manager secrets. */
export interface InstanceSecrets {
  databasePassword: string;
  /** Keys the HMAC the platform agent checks on every request. */
  agentSecret: string;
}

export const INSTANCE_SECRETS_FILE = 'instance-secrets.json';

function isInstanceSecrets(value: unknown): value is InstanceSecrets {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.databasePassword === 'string' &&
    record.databasePassword !== '' &&
    typeof record.agentSecret === 'string' &&
    record.agentSecret !== ''
  );
}

/** Generated once with a CSPRNG into `<secretsDir>/instance-secrets.json` (mode 0600), read back afterwards. */
export function loadOrCreateInstanceSecrets(secretsDir: string): Promise<InstanceSecrets> {
  return loadOrCreateSecretFile(secretsDir, INSTANCE_SECRETS_FILE, {
    generate: () => ({
      databasePassword: randomBytes(24).toString('base64url'),
      agentSecret: randomBytes(32).toString('hex'),
    }),
    isValid: isInstanceSecrets,
    description: 'the database password and the agent secret',
  });
}
