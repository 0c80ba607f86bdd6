<?php
/**
 * GET /sites/{id}/health: core Site Health results for that site (the tests WordPress's own weekly check
 * runs) plus platform checks. Also records whether the last request to each site ended in a fatal error.
 */

defined( 'ABSPATH' ) || exit;

function bbws_site_health( WP_REST_Request $request ): array {
	$site = bbws_route_site( $request );
	return bbws_in_blog(
		(int) $site->blog_id,
		function () {
			$core     = bbws_core_health_results();
			$platform = bbws_platform_checks();
			return array(
				'blogId'   => get_current_blog_id(),
				'status'   => bbws_overall_health( $core, $platform ),
				'core'     => $core,
				'platform' => $platform,
			);
		}
	);
}

function bbws_core_health_results(): array {
	bbws_load_admin_includes();
	require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
	require_once ABSPATH . 'wp-admin/includes/update.php';
	$health = WP_Site_Health::get_instance();
	$tests  = WP_Site_Health::get_tests();
	if ( 'production' !== wp_get_environment_type() ) {
		unset( $tests['async']['https_status'] );
	}
	$cap_timeout = function () {
		return 5;
	};
	add_filter( 'http_request_timeout', $cap_timeout );
	$results = array();
	try {
		foreach ( array_merge( $tests['direct'], $tests['async'] ) as $test ) {
			$callback = bbws_health_test_callback( $health, $test );
			if ( ! $callback || ! empty( $test['skip_cron'] ) ) {
				continue;
			}
			$result = apply_filters( 'site_status_test_result', call_user_func( $callback ) );
			if ( in_array( $result['status'] ?? '', array( 'good', 'recommended', 'critical' ), true ) ) {
				$results[] = array(
					'test'        => (string) $result['test'],
					'label'       => bbws_plain_text( (string) $result['label'] ),
					'status'      => $result['status'],
					'badge'       => bbws_plain_text( (string) ( $result['badge']['label'] ?? '' ) ),
					'description' => bbws_plain_text( (string) $result['description'] ),
				);
			}
		}
	} finally {
		remove_filter( 'http_request_timeout', $cap_timeout );
	}
	return $results;
}

function bbws_plain_text( string $html ): string {
	$text = wp_strip_all_tags( preg_replace( '#</(p|li|ul|h\d)>#i', '$0 ', $html ) );
	return trim( preg_replace( '/\s+/', ' ', html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) ) );
}

/** The callable behind a test definition, as WP_Site_Health::wp_cron_scheduled_check() resolves it. */
function bbws_health_test_callback( WP_Site_Health $health, array $test ): ?callable {
	if ( ! empty( $test['async_direct_test'] ) && is_callable( $test['async_direct_test'] ) ) {
		return $test['async_direct_test'];
	}
	if ( is_string( $test['test'] ) && method_exists( $health, 'get_test_' . $test['test'] ) ) {
		return array( $health, 'get_test_' . $test['test'] );
	}
	return ( ! is_string( $test['test'] ) && is_callable( $test['test'] ) ) ? $test['test'] : null;
}

function bbws_platform_checks(): array {
	global $wpdb;
	$uploads = wp_upload_dir();
	$theme   = wp_get_theme();
	$fatal   = bbws_last_fatal( get_current_blog_id() );
	$check   = function ( string $name, bool $ok, string $message ) {
		return array( 'check' => $name, 'status' => $ok ? 'pass' : 'fail', 'message' => $message );
	};
	$db_ok = '1' === (string) $wpdb->get_var( 'SELECT 1' );
	return array(
		$check( 'database', $db_ok, $db_ok ? 'The database answers' : 'The database does not answer: ' . $wpdb->last_error ),
		$check( 'uploads_writable', ! $uploads['error'] && wp_is_writable( $uploads['basedir'] ), $uploads['error'] ? $uploads['error'] : 'Uploads directory ' . $uploads['basedir'] ),
		$check( 'active_theme', $theme->exists() && ! $theme->errors(), 'Active theme ' . get_stylesheet() ),
		$check( 'last_request', null === $fatal, $fatal ? 'Fatal error in the last request: ' . $fatal['message'] : 'No fatal error in the last request' ),
	);
}

function bbws_overall_health( array $core, array $platform ): string {
	$statuses = array_column( $core, 'status' );
	if ( in_array( 'critical', $statuses, true ) || in_array( 'fail', array_column( $platform, 'status' ), true ) ) {
		return 'critical';
	}
	return in_array( 'recommended', $statuses, true ) ? 'recommended' : 'good';
}

function bbws_fatal_file( int $blog_id ): string {
	return WP_CONTENT_DIR . "/bbws-agent/last-fatal-$blog_id.json";
}

function bbws_last_fatal( int $blog_id ): ?array {
	$file = bbws_fatal_file( $blog_id );
	$data = is_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
	return is_array( $data ) ? $data : null;
}

/** Shutdown hook: remembers a fatal error of this request for its site, or forgets the previous one. */
function bbws_record_last_request(): void {
	if ( ! function_exists( 'get_current_blog_id' ) || ! defined( 'WP_CONTENT_DIR' ) ) {
		return;
	}
	$error = error_get_last();
	$fatal = $error && in_array( $error['type'], array( E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR, E_RECOVERABLE_ERROR ), true );
	$file  = bbws_fatal_file( get_current_blog_id() );
	if ( $fatal ) {
		wp_mkdir_p( dirname( $file ) );
		file_put_contents( $file, wp_json_encode( array( 'message' => $error['message'], 'file' => $error['file'], 'line' => $error['line'], 'time' => gmdate( 'c' ) ) ) );
	} elseif ( is_file( $file ) ) {
		@unlink( $file );
	}
}
