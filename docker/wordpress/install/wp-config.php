<?php
/**
 * BBWS wp-config.php: one file for every instance, production image and local runtime alike.
 * Everything instance-specific comes from the environment, so the file holds no secret:
 *
 *   WORDPRESS_DB_HOST, WORDPRESS_DB_NAME, WORDPRESS_DB_USER, WORDPRESS_DB_PASSWORD, WORDPRESS_TABLE_PREFIX
 *   BBWS_NETWORK_DOMAIN   host of the network's main site (no scheme, no port)
 *   BBWS_AGENT_SECRET     HMAC key of the platform agent
 *   WP_ENVIRONMENT_TYPE   local | development | staging | production
 *   WORDPRESS_AUTH_KEY, WORDPRESS_SECURE_AUTH_KEY, WORDPRESS_LOGGED_IN_KEY, WORDPRESS_NONCE_KEY,
 *   WORDPRESS_AUTH_SALT, WORDPRESS_SECURE_AUTH_SALT, WORDPRESS_LOGGED_IN_SALT, WORDPRESS_NONCE_SALT
 *                         the eight salts, required: random values generated once per instance and kept
 *                         in the instance's secret (production: its Secrets Manager secret, passed to the
 *                         container as secrets of the ECS task definition; locally: the instance's
 *                         secrets file, see libs/integrations/local-wordpress). Never derived from another
 *                         value: WordPress refuses to load without them.
 *   BBWS_DISABLE_WP_CRON  "1" when an external scheduler runs wp-cron.php
 *
 * This file runs in WordPress's global scope: it defines functions and constants only.
 */

if ( ! function_exists( 'bbws_config_env' ) ) {
	function bbws_config_env( string $name, ?string $default = null ): string {
		$value = getenv( $name );
		if ( false === $value || '' === $value ) {
			if ( null === $default ) {
				$message = "wp-config.php: environment variable $name is not set";
				if ( 'cli' === PHP_SAPI ) {
					fwrite( STDERR, "$message\n" );
				} else {
					error_log( $message );
					header( 'HTTP/1.1 500 Internal Server Error' );
					echo 'This site is not configured.';
				}
				exit( 1 );
			}
			return $default;
		}
		return $value;
	}
}

define( 'DB_HOST', bbws_config_env( 'WORDPRESS_DB_HOST' ) );
define( 'DB_NAME', bbws_config_env( 'WORDPRESS_DB_NAME' ) );
define( 'DB_USER', bbws_config_env( 'WORDPRESS_DB_USER' ) );
define( 'DB_PASSWORD', bbws_config_env( 'WORDPRESS_DB_PASSWORD', '' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );

define( 'BBWS_AGENT_SECRET', bbws_config_env( 'BBWS_AGENT_SECRET', '' ) );
define( 'WP_ENVIRONMENT_TYPE', bbws_config_env( 'WP_ENVIRONMENT_TYPE', 'production' ) );

foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $bbws_salt_name ) {
	define( $bbws_salt_name, bbws_config_env( 'WORDPRESS_' . $bbws_salt_name ) );
}
unset( $bbws_salt_name );

// The platform manages core, plugins and themes: no self-updates, no file editor, direct file writes.
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISALLOW_FILE_EDIT', true );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', '1' === bbws_config_env( 'BBWS_DISABLE_WP_CRON', '0' ) );

define( 'WP_DEBUG', false );
define( 'WP_DEBUG_LOG', false );
define( 'WP_DEBUG_DISPLAY', false );

// Every instance is a subdomain multisite network. The install script defines WP_INSTALLING_NETWORK
// (as wp-admin/network.php does) to load WordPress as a single site while it creates the network.
define( 'WP_ALLOW_MULTISITE', true );
if ( ! defined( 'WP_INSTALLING_NETWORK' ) ) {
	define( 'MULTISITE', true );
	define( 'SUBDOMAIN_INSTALL', true );
	define( 'DOMAIN_CURRENT_SITE', bbws_config_env( 'BBWS_NETWORK_DOMAIN' ) );
	define( 'PATH_CURRENT_SITE', '/' );
	define( 'SITE_ID_CURRENT_SITE', 1 );
	define( 'BLOG_ID_CURRENT_SITE', 1 );
}

// Behind the load balancer TLS ends at the balancer.
if ( isset( $_SERVER['HTTP_X_FORWARDED_PROTO'] ) && 'https' === $_SERVER['HTTP_X_FORWARDED_PROTO'] ) {
	$_SERVER['HTTPS'] = 'on';
}

$table_prefix = bbws_config_env( 'WORDPRESS_TABLE_PREFIX', 'wp_' );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}

require_once ABSPATH . 'wp-settings.php';
