import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A JSON secret kept in `<secretsDir>/<fileName>` (mode 0600, folder 0700): generated once, read back
 * on every later call. Creation is atomic (written aside, then hard-linked into place), so concurrent
 * callers agree on one value.
 */
export async function loadOrCreateSecretFile<T>(
  secretsDir: string,
  fileName: string,
  secret: { generate: () => T; isValid: (value: unknown) => value is T; description: string },
): Promise<T> {
  const file = join(secretsDir, fileName);
  await mkdir(secretsDir, { recursive: true, mode: 0o700 });
  const draft = join(secretsDir, `.${fileName}.${randomBytes(6).toString('hex')}`);
  await writeFile(draft, JSON.stringify(secret.generate()), { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  const value: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!secret.isValid(value)) throw new Error(`${file} does not hold ${secret.description}`);
  return value;
}
