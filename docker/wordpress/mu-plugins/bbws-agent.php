<?php
/**
 * Plugin Name: BBWS platform agent
 * Description: Signed REST routes (bbws/v1) through which the BBWS control plane manages this multisite network.
 * Version: 1.0.0
 * Network: true
 */

defined( 'ABSPATH' ) || exit;

const BBWS_AGENT_VERSION = '1.0.0';
const BBWS_AGENT_NAMESPACE = 'bbws/v1';

foreach ( array( 'support', 'auth', 'bootstrap', 'sites', 'settings', 'plugins', 'themes', 'template', 'search-replace', 'archive-export', 'archive-sql', 'archive-uploads', 'archive-import', 'health', 'routes' ) as $bbws_agent_file ) {
	require_once __DIR__ . '/bbws-agent/' . $bbws_agent_file . '.php';
}
unset( $bbws_agent_file );

add_filter( 'wp_is_application_passwords_available', 'bbws_application_passwords_available' );
add_filter( 'filesystem_method', 'bbws_filesystem_method' );
add_filter( 'rest_request_before_callbacks', 'bbws_guard_plugin_delete', 10, 3 );
add_action( 'rest_api_init', 'bbws_register_routes' );
register_shutdown_function( 'bbws_record_last_request' );
