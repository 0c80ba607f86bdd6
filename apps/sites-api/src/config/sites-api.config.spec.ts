import { loadSitesApiConfig, resolveSitesConfig } from './sites-api.config';

describe('sites-api config', () => {
  it('takes the hosting environments of the local stages by default', () => {
    const config = loadSitesApiConfig({ BBWS_STAGE: 'local' });
    expect(config.service).toBe('sites-api');
    expect(config.sites.environments.DEV).toMatchObject({
      domainSuffix: 'dev.localhost',
      siteUrl: { scheme: 'http', port: 3000 },
    });
  });

  it('keeps the sites settings the app was registered with', () => {
    const config = loadSitesApiConfig({ BBWS_STAGE: 'test' });
    expect(resolveSitesConfig(config, {})).toBe(config.sites);
  });

  it('refuses hosting environments that do not validate', () => {
    expect(() => loadSitesApiConfig({ BBWS_STAGE: 'local', HOSTING_ENVIRONMENTS: '{"DEV":' })).toThrow();
  });
});

describe('sites-api artifact store settings', () => {
  it('keeps backups in the stage’s artifacts bucket, path-style on a local S3 endpoint', () => {
    const config = loadSitesApiConfig({
      BBWS_STAGE: 'test',
      AWS_REGION: 'eu-west-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
    });
    expect(config.sites.artifacts).toEqual({
      bucket: 'bbws-artifacts-test',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
    expect(loadSitesApiConfig({ BBWS_STAGE: 'test', ARTIFACTS_BUCKET: 'my-bucket' }).sites.artifacts).toEqual(
      expect.objectContaining({ bucket: 'my-bucket' }),
    );
  });

  it('refuses a malformed S3 endpoint at boot', () => {
    expect(() => loadSitesApiConfig({ BBWS_STAGE: 'test', S3_ENDPOINT: 'not a url' })).toThrow();
  });
});
