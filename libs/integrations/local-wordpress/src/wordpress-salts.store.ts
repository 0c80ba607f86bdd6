import { randomBytes } from 'node:crypto';
import { loadOrCreateSecretFile } from './secret-file.store';

export const WORDPRESS_SALT_NAMES = [
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
] as const;

export type WordPressSaltName = (typeof WORDPRESS_SALT_NAMES)[number];
export type WordPressSalts = Record<WordPressSaltName, string>;

export const SALTS_FILE = 'wordpress-salts.json';

function generateSalts(): WordPressSalts {
  const entries = WORDPRESS_SALT_NAMES.map((name) => [name, randomBytes(48).toString('base64')] as const);
  return Object.fromEntries(entries) as WordPressSalts;
}

function isSalts(value: unknown): value is WordPressSalts {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    WORDPRESS_SALT_NAMES.every((name) => typeof record[name] === 'string' && record[name] !== '')
  );
}

/**
 * The instance's WordPress salts, kept in `<secretsDir>/wordpress-salts.json` (mode 0600; the local
 * stand-in for the instance's Secrets Manager secret): generated once with a CSPRNG, read back on every
 * later start. Creation is atomic, so instances provisioned concurrently agree on one set.
 */
export function loadOrCreateSalts(secretsDir: string): Promise<WordPressSalts> {
  return loadOrCreateSecretFile(secretsDir, SALTS_FILE, {
    generate: generateSalts,
    isValid: isSalts,
    description: 'the eight WordPress salts',
  });
}
