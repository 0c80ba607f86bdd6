import path from 'node:path';
import { ConfigError } from '@bbws/shared-config';
import { DEFAULT_UPSTREAMS } from '../routing/upstream-apps';
import { loadFrontDoorConfig } from './front-door.config';

describe('loadFrontDoorConfig', () => {
  it('defaults to the local platform addresses', () => {
    expect(loadFrontDoorConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.resolve('.data'),
      issuer: 'http://127.0.0.1:3000/local-identity',
      logLevel: 'warn',
      upstreams: DEFAULT_UPSTREAMS,
    });
  });

  it('takes upstream addresses from FRONT_DOOR_UPSTREAMS, keeping the defaults of apps not listed', () => {
    const config = loadFrontDoorConfig({
      FRONT_DOOR_UPSTREAMS: 'tenants-api=http://127.0.0.1:4001/, sites-api=http://10.0.0.2:80',
    });
    expect(config.upstreams).toEqual({
      ...DEFAULT_UPSTREAMS,
      'tenants-api': 'http://127.0.0.1:4001',
      'sites-api': 'http://10.0.0.2:80',
    });
  });

  it('takes the local ALB proxy from FRONT_DOOR_ALB_URL and refuses one that is not a URL', () => {
    expect(loadFrontDoorConfig({ FRONT_DOOR_ALB_URL: 'http://127.0.0.1:4571' }).albUrl).toBe(
      'http://127.0.0.1:4571',
    );
    expect(loadFrontDoorConfig({}).albUrl).toBeUndefined();
    expect(() => loadFrontDoorConfig({ FRONT_DOOR_ALB_URL: 'alb' })).toThrow(ConfigError);
  });

  it.each(['billing-api=http://127.0.0.1:1', 'tenants-api', 'tenants-api=not a url'])(
    'refuses the upstream entry %s',
    (entry) => {
      expect(() => loadFrontDoorConfig({ FRONT_DOOR_UPSTREAMS: entry })).toThrow(ConfigError);
    },
  );
});
