import { wordpressEnvironment } from './wordpress.env';

describe('wordpressEnvironment', () => {
  const settings = {
    database: { host: '127.0.0.1', port: 3307, name: 'acme_prod_db', user: 'acme_prod', password: 'pw' },
    networkDomain: 'prod.localhost',
    agentSecret: 'agent-secret',
  };

  it('gives wp-config.php the database, network domain and agent secret', () => {
    expect(wordpressEnvironment(settings)).toMatchObject({
      WORDPRESS_DB_HOST: '127.0.0.1:3307',
      WORDPRESS_DB_NAME: 'acme_prod_db',
      WORDPRESS_DB_USER: 'acme_prod',
      WORDPRESS_DB_PASSWORD: 'pw',
      WORDPRESS_TABLE_PREFIX: 'wp_',
      BBWS_NETWORK_DOMAIN: 'prod.localhost',
      BBWS_AGENT_SECRET: 'agent-secret',
    });
  });

  it('marks the environment local unless told otherwise', () => {
    expect(wordpressEnvironment(settings).WP_ENVIRONMENT_TYPE).toBe('local');
    expect(wordpressEnvironment({ ...settings, environmentType: 'staging' }).WP_ENVIRONMENT_TYPE).toBe(
      'staging',
    );
  });

  it('passes nothing of the calling process environment', () => {
    expect(Object.keys(wordpressEnvironment(settings)).sort()).toEqual(
      [
        'BBWS_AGENT_SECRET',
        'BBWS_DISABLE_WP_CRON',
        'BBWS_NETWORK_DOMAIN',
        'PATH',
        'WORDPRESS_DB_HOST',
        'WORDPRESS_DB_NAME',
        'WORDPRESS_DB_PASSWORD',
        'WORDPRESS_DB_USER',
        'WORDPRESS_TABLE_PREFIX',
        'WP_ENVIRONMENT_TYPE',
      ].sort(),
    );
  });
});
