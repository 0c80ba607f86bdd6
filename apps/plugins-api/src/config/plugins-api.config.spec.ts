import { loadPluginsApiConfig } from './plugins-api.config';

describe('plugins-api config', () => {
  it('is the platform config plus the artifact store settings', () => {
    const config = loadPluginsApiConfig({ BBWS_STAGE: 'local', S3_ENDPOINT: 'http://127.0.0.1:4566' });
    expect(config.service).toBe('plugins-api');
    expect(config.artifacts).toMatchObject({
      bucket: 'bbws-artifacts-local',
      endpoint: 'http://127.0.0.1:4566',
    });
  });
});
