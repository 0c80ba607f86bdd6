import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
 * later start. Creation is atomic (written aside, then hard-linked into place), so instances provisioned
 * concurrently agree on one set.
 */
export async function loadOrCreateSalts(secretsDir: string): Promise<WordPressSalts> {
  const file = join(secretsDir, SALTS_FILE);
  await mkdir(secretsDir, { recursive: true, mode: 0o700 });
  const draft = join(secretsDir, `.${SALTS_FILE}.${randomBytes(6).toString('hex')}`);
  await writeFile(draft, JSON.stringify(generateSalts()), { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  const salts: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isSalts(salts)) throw new Error(`${file} does not hold the eight WordPress salts`);
  return salts;
}
