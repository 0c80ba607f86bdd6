<?php
/**
 * Router for PHP's built-in server (`php -S 127.0.0.1:<port> -t <docroot> router.php`): existing files
 * and directories with an index.php are served as the server would (static files, wp-admin/, wp-login.php),
 * everything else goes to WordPress's front controller, as the usual rewrite rules do, so pretty
 * permalinks and /wp-json/... work. WordPress is required from the global scope (its files rely on it),
 * so this file leaves no variables behind.
 */

function bbws_router_serves_as_is( string $root, string $uri ): bool {
	$path = rawurldecode( (string) parse_url( $uri, PHP_URL_PATH ) );
	if ( '/' === $path || false !== strpos( $path, '..' ) ) {
		return false;
	}
	$target = $root . $path;
	return is_file( $target ) || ( is_dir( $target ) && is_file( rtrim( $target, '/' ) . '/index.php' ) );
}

if ( bbws_router_serves_as_is( $_SERVER['DOCUMENT_ROOT'], $_SERVER['REQUEST_URI'] ) ) {
	return false;
}

$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
chdir( $_SERVER['DOCUMENT_ROOT'] );
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
