<?php
/**
 * Turns an empty database + WordPress core into a subdomain multisite network and installs the
 * platform agent's must-use plugins. Idempotent: every step is skipped when already done, so it runs
 * on every container start (production entrypoint) and at every local provisioning.
 *
 *   php install-network.php --docroot=/var/www/html [--mu-plugins=DIR] [--title=T] [--admin-user=U]
 *       [--admin-email=E] [--scheme=http|https] [--wait-db=SECONDS]
 *
 * The database, the network domain (BBWS_NETWORK_DOMAIN) and the rest of the configuration come from the
 * environment, read by the document root's wp-config.php (docker/wordpress/install/wp-config.php).
 * The first admin's password comes from BBWS_ADMIN_PASSWORD (random when unset; never on the command line).
 * Prints one JSON line with what was done. The admin password is never printed.
 *
 * Loading wp-load.php shares WordPress's global scope (globals such as $domain, $path, $blog_id get
 * overwritten), so this script keeps all of its state inside functions.
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

function bbws_install_fail( string $message ): void {
	fwrite( STDERR, "install-network: $message\n" );
	exit( 1 );
}

/** @return array{docroot:string,mu-plugins:string,title:string,admin-user:string,admin-email:string,admin-password:string,scheme:string,wait-db:int,domain:string} */
function bbws_install_options(): array {
	static $options = null;
	if ( null !== $options ) {
		return $options;
	}
	$given  = getopt( '', array( 'docroot:', 'mu-plugins:', 'title:', 'admin-user:', 'admin-email:', 'scheme:', 'wait-db:' ) );
	$domain = strtolower( (string) getenv( 'BBWS_NETWORK_DOMAIN' ) );
	if ( ! preg_match( '/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/', $domain ) ) {
		bbws_install_fail( 'BBWS_NETWORK_DOMAIN must be a host name such as net1.localhost' );
	}
	if ( empty( $given['docroot'] ) || ! is_file( $given['docroot'] . '/wp-load.php' ) ) {
		bbws_install_fail( '--docroot must be a WordPress document root (wp-load.php not found)' );
	}
	$scheme = $given['scheme'] ?? 'http';
	if ( ! in_array( $scheme, array( 'http', 'https' ), true ) ) {
		bbws_install_fail( '--scheme must be http or https' );
	}
	$options = array(
		'docroot'        => rtrim( $given['docroot'], '/' ),
		'mu-plugins'     => $given['mu-plugins'] ?? '',
		'title'          => $given['title'] ?? $domain,
		'admin-user'     => $given['admin-user'] ?? 'bbws-admin',
		'admin-email'    => $given['admin-email'] ?? 'admin@' . $domain,
		'admin-password' => (string) getenv( 'BBWS_ADMIN_PASSWORD' ),
		'scheme'         => $scheme,
		'wait-db'        => (int) ( $given['wait-db'] ?? 30 ),
		'domain'         => $domain,
	);
	return $options;
}

/**
 * Waits until the database named by the environment accepts connections (wpdb would die instead),
 * then takes the install lock on that connection, BEFORE WordPress is loaded: several containers of
 * one instance may start at once, and loading WordPress while another installs it dies on the
 * half-created tables. One installs; the others wait and find it done. The lock is held until this
 * process exits (the connection closes with it).
 */
function bbws_install_wait_for_database_and_lock( int $seconds ): void {
	static $held = null;
	$host   = (string) getenv( 'WORDPRESS_DB_HOST' );
	$port   = null;
	$socket = null;
	if ( preg_match( '/^(.*):(\d+)$/', $host, $m ) ) {
		$host = $m[1];
		$port = (int) $m[2];
	} elseif ( preg_match( '/^(.*):(\/.*)$/', $host, $m ) ) {
		$host   = $m[1];
		$socket = $m[2];
	}
	mysqli_report( MYSQLI_REPORT_OFF );
	$deadline = microtime( true ) + $seconds;
	do {
		$name = (string) getenv( 'WORDPRESS_DB_NAME' );
		$link = @mysqli_connect( $host, (string) getenv( 'WORDPRESS_DB_USER' ), (string) getenv( 'WORDPRESS_DB_PASSWORD' ), $name, $port, $socket );
		if ( $link ) {
			$lock   = mysqli_real_escape_string( $link, 'bbws_install_' . md5( $name ) );
			$result = mysqli_query( $link, "SELECT GET_LOCK('$lock', 300)" );
			$row    = $result ? mysqli_fetch_row( $result ) : null;
			if ( ! $row || '1' !== (string) $row[0] ) {
				bbws_install_fail( 'timed out waiting for another installer of this network' );
			}
			$held = $link;
			return;
		}
		usleep( 500000 );
	} while ( microtime( true ) < $deadline );
	bbws_install_fail( 'database not reachable: ' . mysqli_connect_error() );
}

function bbws_install_prepare_request(): void {
	$options = bbws_install_options();
	$https   = 'https' === $options['scheme'];
	$_SERVER['HTTP_HOST']      = $options['domain'];
	$_SERVER['SERVER_NAME']    = $options['domain'];
	$_SERVER['SERVER_PORT']    = $https ? '443' : '80';
	$_SERVER['REQUEST_URI']    = '/';
	$_SERVER['REQUEST_METHOD'] = 'GET';
	$_SERVER['REMOTE_ADDR']    = '127.0.0.1';
	if ( $https ) {
		$_SERVER['HTTPS'] = 'on';
	}
	define( 'WP_INSTALLING', true );
	define( 'WP_INSTALLING_NETWORK', true );
}

function bbws_install_network_exists(): bool {
	global $wpdb;
	$site_table = $wpdb->base_prefix . 'site';
	if ( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $site_table ) ) ) !== $site_table ) {
		return false;
	}
	return null !== $wpdb->get_var( "SELECT id FROM `$site_table` WHERE id = 1" );
}

function bbws_install_site( array $options ): void {
	$password = '' !== $options['admin-password'] ? $options['admin-password'] : wp_generate_password( 32, true, false );
	$result   = wp_install( $options['title'], $options['admin-user'], $options['admin-email'], true, '', wp_slash( $password ) );
	if ( empty( $result['user_id'] ) ) {
		bbws_install_fail( 'wp_install did not create the admin user' );
	}
	$url = $options['scheme'] . '://' . $options['domain'];
	update_option( 'siteurl', $url );
	update_option( 'home', $url );
}

/** @return string[] warnings */
function bbws_install_network( array $options ): array {
	install_network();

	$admins      = get_users( array( 'role' => 'administrator', 'number' => 1, 'orderby' => 'ID' ) );
	$admin_email = $admins ? $admins[0]->user_email : $options['admin-email'];
	$result      = populate_network( 1, $options['domain'], $admin_email, $options['title'], '/', true );
	if ( is_wp_error( $result ) ) {
		if ( 'no_wildcard_dns' !== $result->get_error_code() ) {
			bbws_install_fail( 'populate_network: ' . $result->get_error_code() . ' ' . wp_strip_all_tags( $result->get_error_message() ) );
		}
		return array( 'no_wildcard_dns' );
	}
	return array();
}

function bbws_install_remove_tree( string $path ): void {
	if ( is_link( $path ) || is_file( $path ) ) {
		unlink( $path );
		return;
	}
	if ( ! is_dir( $path ) ) {
		return;
	}
	foreach ( scandir( $path ) as $entry ) {
		if ( '.' !== $entry && '..' !== $entry ) {
			bbws_install_remove_tree( $path . '/' . $entry );
		}
	}
	rmdir( $path );
}

function bbws_install_copy_tree( string $from, string $to ): void {
	if ( ! is_dir( $to ) && ! mkdir( $to, 0755, true ) ) {
		bbws_install_fail( "cannot create $to" );
	}
	foreach ( scandir( $from ) as $entry ) {
		if ( '.' === $entry || '..' === $entry ) {
			continue;
		}
		$source = $from . '/' . $entry;
		if ( is_dir( $source ) ) {
			bbws_install_copy_tree( $source, $to . '/' . $entry );
		} elseif ( ! copy( $source, $to . '/' . $entry ) ) {
			bbws_install_fail( "cannot copy $source" );
		}
	}
}

/**
 * The must-use plugins directory belongs to the platform: it is replaced by the given one, so agent
 * files removed in a new version do not linger.
 *
 * @return string[] the top-level entries installed
 */
function bbws_install_mu_plugins( string $source ): array {
	if ( '' === $source ) {
		return array();
	}
	if ( ! is_dir( $source ) ) {
		bbws_install_fail( "--mu-plugins $source is not a directory" );
	}
	$staging = WPMU_PLUGIN_DIR . '.staging-' . bin2hex( random_bytes( 6 ) );
	bbws_install_remove_tree( $staging );
	bbws_install_copy_tree( $source, $staging );
	bbws_install_remove_tree( WPMU_PLUGIN_DIR );
	if ( ! rename( $staging, WPMU_PLUGIN_DIR ) ) {
		bbws_install_fail( 'cannot move the must-use plugins into ' . WPMU_PLUGIN_DIR );
	}
	return array_values( array_diff( scandir( WPMU_PLUGIN_DIR ), array( '.', '..' ) ) );
}

function bbws_install_main(): int {
	global $wpdb;
	$options = bbws_install_options();
	// As wp-admin/network.php does: the schema includes the network tables while WP_INSTALLING_NETWORK.
	foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
		$wpdb->$table = $prefixed_table;
	}
	// No outbound HTTP and no mail while installing: the pretty-permalink and wildcard-DNS probes would
	// only wait, and the new-site notification has no recipient yet.
	add_filter(
		'pre_http_request',
		static function () {
			return new WP_Error( 'http_request_blocked', 'HTTP requests are disabled while installing the network' );
		}
	);
	add_filter( 'pre_wp_mail', '__return_false' );

	// What WordPress cached while loading (is_blog_installed, options) may predate the install lock.
	wp_cache_flush();

	$report = array(
		'domain'           => $options['domain'],
		'installedSite'    => false,
		'installedNetwork' => false,
		'warnings'         => array(),
		'muPlugins'        => array(),
	);
	if ( ! is_blog_installed() ) {
		bbws_install_site( $options );
		$report['installedSite'] = true;
	}
	if ( ! bbws_install_network_exists() ) {
		$report['warnings']         = bbws_install_network( $options );
		$report['installedNetwork'] = true;
	}
	$report['muPlugins'] = bbws_install_mu_plugins( $options['mu-plugins'] );

	echo wp_json_encode( $report ), "\n";
	return 0;
}

bbws_install_options();
bbws_install_wait_for_database_and_lock( bbws_install_options()['wait-db'] );
bbws_install_prepare_request();
require bbws_install_options()['docroot'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
exit( bbws_install_main() );
