import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningJwk extends JWK {
  kid: string;
  alg: 'RS256';
}

/** A fresh RS256 key pair as JWKs (private with `d`, public without), identified by its thumbprint. */
export async function generateSigningKey(): Promise<{ privateJwk: SigningJwk; publicJwk: SigningJwk }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const publicPart = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicPart);
  const tags = { kid, alg: 'RS256' as const, use: 'sig' };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...tags }, publicJwk: { ...publicPart, ...tags } };
}
