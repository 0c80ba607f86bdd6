import { wordpressEnvironment } from './wordpress.env';
import { WORDPRESS_SALT_NAMES, type WordPressSalts } from './wordpress-salts.store';

const salts = Object.fromEntries(
  WORDPRESS_SALT_NAMES.map((name) => [name, `salt-of-${name}`]),
) as WordPressSalts;

describe('wordpressEnvironment', () => {
  const settings = {
    database: { host: '127.0.0.1', port: 3307, name: 'acme_prod_db', user: 'acme_prod', password: 'pw' },
    networkDomain: 'prod.localhost',
    agentSecret: 'agent-secret',
    salts,
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

  it("passes the instance's eight salts as WORDPRESS_<NAME>", () => {
    expect(wordpressEnvironment(settings)).toMatchObject({
      WORDPRESS_AUTH_KEY: 'salt-of-AUTH_KEY',
      WORDPRESS_SECURE_AUTH_KEY: 'salt-of-SECURE_AUTH_KEY',
      WORDPRESS_LOGGED_IN_KEY: 'salt-of-LOGGED_IN_KEY',
      WORDPRESS_NONCE_KEY: 'salt-of-NONCE_KEY',
      WORDPRESS_AUTH_SALT: 'salt-of-AUTH_SALT',
      WORDPRESS_SECURE_AUTH_SALT: 'salt-of-SECURE_AUTH_SALT',
      WORDPRESS_LOGGED_IN_SALT: 'salt-of-LOGGED_IN_SALT',
      WORDPRESS_NONCE_SALT: 'salt-of-NONCE_SALT',
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
        ...WORDPRESS_SALT_NAMES.map((name) => `WORDPRESS_${name}`),
      ].sort(),
    );
  });
});
