import { loadPluginsApiConfig } from './plugins-api.config';

describe('plugins-api config', () => {
  it('talks path-style to a local S3 endpoint and names the bucket after the stage by default', () => {
    const config = loadPluginsApiConfig({ BBWS_STAGE: 'local', S3_ENDPOINT: 'http://127.0.0.1:4566' });
    expect(config.service).toBe('plugins-api');
    expect(config.artifacts).toEqual({
      bucket: 'bbws-artifacts-local',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      forcePathStyle: true,
    });
  });

  it('takes the bucket from ARTIFACTS_BUCKET and leaves the endpoint to the SDK in the cloud', () => {
    const config = loadPluginsApiConfig({
      BBWS_STAGE: 'prod',
      AWS_REGION: 'eu-west-1',
      ARTIFACTS_BUCKET: 'acme-artifacts',
      CURSOR_SECRET: 'a-cursor-secret-of-some-length',
      AUTH_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
      AUTH_AUDIENCE: 'client',
      AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC/.well-known/jwks.json',
      TRUST_PROXY: '10.20.0.0/16',
    });
    expect(config.artifacts).toEqual({ bucket: 'acme-artifacts', region: 'eu-west-1' });
  });

  it('refuses an S3 endpoint that is not a URL', () => {
    expect(() => loadPluginsApiConfig({ BBWS_STAGE: 'local', S3_ENDPOINT: 'not a url' })).toThrow(
      /S3_ENDPOINT/,
    );
  });
});
