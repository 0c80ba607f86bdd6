import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

export interface JsonWebKeySet {
  keys: JWK[];
}

interface StoredKey extends JWK {
  kid: string;
}

/**
 * The local issuer's RS256 key, kept in `<dataDir>/identity/signing-key.json` (0600). Created on first
 * use; a concurrent first use by another process (front door, token CLI) ends up with the same key.
 */
export class LocalSigningKey {
  private constructor(
    private readonly stored: StoredKey,
    readonly privateKey: KeyLike | Uint8Array,
  ) {}

  static file(dataDir: string): string {
    return path.join(dataDir, 'identity', 'signing-key.json');
  }

  static async loadOrCreate(dataDir: string): Promise<LocalSigningKey> {
    const file = LocalSigningKey.file(dataDir);
    const stored = (await readStored(file)) ?? (await createStored(file));
    return new LocalSigningKey(stored, await importJWK(stored, 'RS256'));
  }

  get kid(): string {
    return this.stored.kid;
  }

  /** The public half, as served at /.well-known/jwks.json. */
  jwks(): JsonWebKeySet {
    const { kty, n, e, kid } = this.stored;
    return { keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] };
  }
}

async function readStored(file: string): Promise<StoredKey | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function createStored(file: string): Promise<StoredKey> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const stored: StoredKey = {
    ...(await exportJWK(privateKey)),
    kid: await calculateJwkThumbprint(await exportJWK(publicKey)),
    alg: 'RS256',
    use: 'sig',
  };
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, JSON.stringify(stored), { mode: 0o600 });
  await chmod(draft, 0o600);
  try {
    // link() fails if the file exists, so a key another process created first is never replaced.
    await link(draft, file);
    return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readStored(file)) as StoredKey;
  } finally {
    await rm(draft, { force: true });
  }
}
