import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { LocalSigningKey } from './local-signing-key';
import { LocalTokenIssuer } from './local-token.issuer';

const settings = { issuer: 'http://127.0.0.1:3000/local-identity', audience: 'bbws-local' };
const alice = {
  userId: '0b6c1b52-7f0a-4b7e-9d7e-3f1b2a4c5d6e',
  email: 'alice@example.com',
  name: 'Alice',
  status: 'ACTIVE' as const,
  emailVerified: true,
};

describe('LocalSigningKey and LocalTokenIssuer', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-identity-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('creates the key file readable by its owner only, and loads the same key afterwards', async () => {
    const created = await LocalSigningKey.loadOrCreate(dataDir);
    const file = path.join(dataDir, 'identity', 'signing-key.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const loaded = await LocalSigningKey.loadOrCreate(dataDir);
    expect(loaded.kid).toBe(created.kid);
    expect(loaded.jwks()).toEqual(created.jwks());
  });

  it('ends up with one key when several processes create it at the same time', async () => {
    const keys = await Promise.all(Array.from({ length: 5 }, () => LocalSigningKey.loadOrCreate(dataDir)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
  });

  it('publishes only the public half of the key in the JWKS', async () => {
    const { keys } = (await LocalSigningKey.loadOrCreate(dataDir)).jwks();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('issues a Cognito-shaped id token valid for 12 hours that verifies against the JWKS', async () => {
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    const token = await new LocalTokenIssuer(key, settings).issueToken(alice);
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks()), {
      ...settings,
      algorithms: ['RS256'],
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.kid });
    expect(payload).toEqual(
      expect.objectContaining({
        sub: alice.userId,
        email: alice.email,
        name: 'Alice',
        email_verified: true,
        token_use: 'id',
        iss: settings.issuer,
        aud: settings.audience,
      }),
    );
    expect(payload).not.toHaveProperty('cognito:groups');
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
  });

  it('can issue a token whose email is not verified', async () => {
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    const token = await new LocalTokenIssuer(key, settings).issueToken(alice, { emailVerified: false });
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks()), settings);
    expect(payload.email_verified).toBe(false);
  });

  it('puts platform admins in the platform-admin group', async () => {
    const key = await LocalSigningKey.loadOrCreate(dataDir);
    const token = await new LocalTokenIssuer(key, settings).issueToken(alice, {
      platformAdmin: true,
      ttlSeconds: 60,
    });
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks()), settings);
    expect(payload['cognito:groups']).toEqual(['platform-admin']);
    expect(payload.exp! - payload.iat!).toBe(60);
  });
});
