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
