import { buildRequestUrl, instanceKey, requestHeaders } from './wordpress-request.executor';
import type { WordPressConnection } from './wordpress-connection';

const connection: WordPressConnection = {
  baseUrl: 'http://127.0.0.1:8081/',
  hostHeader: 'net1.localhost',
  tenantId: 'tnt_1',
  credentials: {
    agentSecret: 'secret',
    applicationPassword: { username: 'bbws-platform', password: 'abcd efgh' },
  },
};

describe('request building', () => {
  it('addresses routes through rest_route so no rewrite rules are needed', () => {
    const url = buildRequestUrl(connection.baseUrl, {
      route: '/wp/v2/plugins/akismet/akismet',
      query: { context: 'edit' },
    });

    expect(url.origin).toBe('http://127.0.0.1:8081');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/plugins/akismet/akismet');
    expect(url.searchParams.get('context')).toBe('edit');
  });

  it('signs agent calls and sends the Host and tenant headers, without the application password', () => {
    const headers = requestHeaders(
      connection,
      {
        operation: 'createSite',
        api: 'agent',
        method: 'POST',
        route: '/bbws/v1/sites',
        host: 'net1.localhost',
      },
      '{}',
      1_700_000_000_000,
    );

    expect(headers).toMatchObject({
      host: 'net1.localhost',
      'x-tenant-id': 'tnt_1',
      'content-type': 'application/json',
      'x-bbws-timestamp': '1700000000',
    });
    expect(headers['x-bbws-signature']).toMatch(/^[a-f0-9]{64}$/);
    expect(headers.authorization).toBeUndefined();
  });

  it('authenticates core calls with the application password', () => {
    const headers = requestHeaders(
      connection,
      {
        operation: 'listInstalledPlugins',
        api: 'core',
        method: 'GET',
        route: '/wp/v2/plugins',
        host: 'a.net1.localhost',
      },
      '',
      0,
    );

    expect(headers.authorization).toBe(`Basic ${Buffer.from('bbws-platform:abcd efgh').toString('base64')}`);
    expect(headers.host).toBe('a.net1.localhost');
    expect(headers['x-bbws-signature']).toBeUndefined();
  });

  it('refuses a core call without an application password, as a non-retryable error', () => {
    const withoutPassword = { ...connection, credentials: { agentSecret: 'secret' } };

    expect(() =>
      requestHeaders(
        withoutPassword,
        { operation: 'listInstalledPlugins', api: 'core', method: 'GET', route: '/', host: 'h' },
        '',
        0,
      ),
    ).toThrow(expect.objectContaining({ code: 'WORDPRESS_APPLICATION_PASSWORD_MISSING', retryable: false }));
  });

  it('keys circuit breakers by address and host', () => {
    expect(instanceKey(connection)).toBe(
      instanceKey({ baseUrl: 'http://127.0.0.1:8081', hostHeader: 'NET1.localhost' }),
    );
    expect(instanceKey(connection)).not.toBe(instanceKey({ ...connection, hostHeader: 'net2.localhost' }));
  });
});
