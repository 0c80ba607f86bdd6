import { loadTemplatesApiConfig } from './templates-api.config';

describe('templates-api config', () => {
  it('is the platform config plus the artifact store settings', () => {
    const config = loadTemplatesApiConfig({ BBWS_STAGE: 'local', S3_ENDPOINT: 'http://127.0.0.1:4566' });
    expect(config.service).toBe('templates-api');
    expect(config.artifacts).toMatchObject({
      bucket: 'bbws-artifacts-local',
      endpoint: 'http://127.0.0.1:4566',
    });
  });
});
