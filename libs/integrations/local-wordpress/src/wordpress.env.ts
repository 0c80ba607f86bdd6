import { SYSTEM_PATH } from './runtime.paths';
import { WORDPRESS_SALT_NAMES, type WordPressSalts } from './wordpress-salts.store';

export type WordPressEnvironmentType = 'local' | 'development' | 'staging' | 'production';

export interface WordPressSettings {
  database: { host: string; port: number; name: string; user: string; password: string };
  /** Host of the network's main site, e.g. `net1.localhost`. */
  networkDomain: string;
  agentSecret: string;
  /** The instance's own salts (loadOrCreateSalts); wp-config.php refuses to load without them. */
  salts: WordPressSalts;
  environmentType?: WordPressEnvironmentType;
  tablePrefix?: string;
}

/**
 * The environment the PHP processes get (and nothing else of ours): what docker/wordpress/install/
 * wp-config.php reads. wp-cron is off: nothing runs it locally, and its loopback requests would fail.
 */
export function wordpressEnvironment(settings: WordPressSettings): Record<string, string> {
  return {
    PATH: SYSTEM_PATH,
    WORDPRESS_DB_HOST: `${settings.database.host}:${settings.database.port}`,
    WORDPRESS_DB_NAME: settings.database.name,
    WORDPRESS_DB_USER: settings.database.user,
    WORDPRESS_DB_PASSWORD: settings.database.password,
    WORDPRESS_TABLE_PREFIX: settings.tablePrefix ?? 'wp_',
    BBWS_NETWORK_DOMAIN: settings.networkDomain,
    BBWS_AGENT_SECRET: settings.agentSecret,
    WP_ENVIRONMENT_TYPE: settings.environmentType ?? 'local',
    BBWS_DISABLE_WP_CRON: '1',
    ...Object.fromEntries(WORDPRESS_SALT_NAMES.map((name) => [`WORDPRESS_${name}`, settings.salts[name]])),
  };
}
