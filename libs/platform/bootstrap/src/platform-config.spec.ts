import { ConfigError, loadConfig } from '@bbws/shared-config';
import { platformEnvSchema } from './platform-config';

const load = (env: NodeJS.ProcessEnv) => loadConfig(platformEnvSchema('test-api', 3999), env);

/** What a cloud stage has to set (API Gateway -> VPC link -> ALB in 10.20.0.0/16). */
const CLOUD = {
  BBWS_STAGE: 'prod',
  CURSOR_SECRET: 'x'.repeat(32),
  AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc123',
  AUTH_AUDIENCE: 'client-id-123',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc123/.well-known/jwks.json',
  TRUST_PROXY: '10.20.0.0/16',
};

const without = (key: keyof typeof CLOUD) =>
  Object.fromEntries(Object.entries(CLOUD).filter(([name]) => name !== key));

describe('platform configuration', () => {
  it('keeps the local defaults in the local stages (issuer, audience, JWKS, loopback proxy)', () => {
    for (const stage of ['local', 'test']) {
      const config = load({ BBWS_STAGE: stage });
      expect(config.auth).toEqual({
        issuer: 'http://127.0.0.1:3000/local-identity',
        audience: 'bbws-local',
        jwksUrl: 'http://127.0.0.1:3000/.well-known/jwks.json',
      });
      expect(config.trustProxy).toBe('127.0.0.1');
    }
    expect(load({ BBWS_STAGE: 'local', TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('boots a cloud stage with explicit auth settings and a trusted proxy CIDR list', () => {
    const config = load({ ...CLOUD, TRUST_PROXY: '10.20.0.0/16, 10.21.4.0/24,2001:db8::/32' });
    expect(config.auth).toEqual({
      issuer: CLOUD.AUTH_ISSUER,
      audience: CLOUD.AUTH_AUDIENCE,
      jwksUrl: CLOUD.AUTH_JWKS_URL,
    });
    expect(config.trustProxy).toBe('10.20.0.0/16,10.21.4.0/24,2001:db8::/32');
  });

  it.each(['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL', 'TRUST_PROXY', 'CURSOR_SECRET'] as const)(
    'refuses a cloud stage without %s',
    (missing) => {
      expect(() => load(without(missing))).toThrow(
        new RegExp(`${missing}: required outside the local stages`),
      );
    },
  );

  it('refuses an http JWKS URL outside the local stages', () => {
    expect(() => load({ ...CLOUD, AUTH_JWKS_URL: 'http://cognito-idp.example.com/jwks.json' })).toThrow(
      /AUTH_JWKS_URL: must use https/,
    );
  });

  it.each([
    'true',
    'false',
    '*',
    '10.20.0.0/33',
    'not-an-address',
    '10.20.0.0/16,',
    '10.20.0.0/16,alb.internal',
  ])('refuses TRUST_PROXY=%s outside the local stages', (value) => {
    expect(() => load({ ...CLOUD, TRUST_PROXY: value })).toThrow(ConfigError);
  });

  it('refuses a malformed TRUST_PROXY list in the local stages too', () => {
    expect(() => load({ BBWS_STAGE: 'local', TRUST_PROXY: '127.0.0.1,nope' })).toThrow(/TRUST_PROXY/);
  });
});
