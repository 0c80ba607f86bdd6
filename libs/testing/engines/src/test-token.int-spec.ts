import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { generateSigningKey } from './test-signing-key';
import { signTestToken } from './test-token.signer';

describe('signTestToken', () => {
  const jwks = createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL ?? 'http://missing'));
  const verify = (token: string) =>
    jwtVerify(token, jwks, {
      issuer: process.env.AUTH_ISSUER,
      audience: process.env.AUTH_AUDIENCE,
      algorithms: ['RS256'],
    });

  it('signs a Cognito-shaped id token that verifies against the JWKS the setup serves', async () => {
    const token = await signTestToken({
      sub: 'user-1',
      email: 'alice@example.com',
      name: 'Alice',
      groups: ['platform-admin'],
    });
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader).toEqual(expect.objectContaining({ alg: 'RS256', kid: expect.any(String) }));
    expect(payload).toEqual(
      expect.objectContaining({
        sub: 'user-1',
        email: 'alice@example.com',
        name: 'Alice',
        'cognito:groups': ['platform-admin'],
        email_verified: true,
        token_use: 'id',
        iss: process.env.AUTH_ISSUER,
        aud: process.env.AUTH_AUDIENCE,
      }),
    );
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('leaves cognito:groups out for a caller without groups, as Cognito does', async () => {
    const { payload } = await verify(await signTestToken({ sub: 'user-2', email: 'bob@example.com' }));
    expect(payload).not.toHaveProperty('cognito:groups');
    expect(payload).not.toHaveProperty('name');
  });

  it('can mark the email as not verified', async () => {
    const token = await signTestToken({ sub: 'user-6', email: 'f@example.com', emailVerified: false });
    expect((await verify(token)).payload.email_verified).toBe(false);
  });

  it('can issue an expired token, which verification rejects', async () => {
    const token = await signTestToken({ sub: 'user-3', email: 'c@example.com', expiresInSeconds: -60 });
    await expect(verify(token)).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it('can sign with another key, whose tokens the JWKS does not verify', async () => {
    const { privateJwk } = await generateSigningKey();
    const token = await signTestToken({ sub: 'user-4', email: 'd@example.com', key: privateJwk });
    expect(decodeProtectedHeader(token).kid).toBe(privateJwk.kid);
    await expect(verify(token)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
  });

  it('honours another issuer or audience, which verification rejects', async () => {
    const token = await signTestToken({ sub: 'user-5', email: 'e@example.com', audience: 'someone-else' });
    await expect(verify(token)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
  });
});
