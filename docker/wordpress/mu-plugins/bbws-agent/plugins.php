<?php
/**
 * Plugins: install and update from a package URL (sha256 verified before the upgrader sees the file),
 * per-site activation honouring "Conflicts With" plugin headers, and a guard against deleting a plugin
 * that some site still uses. Plugin ids are "folder/main-file" without ".php", as in core's REST API.
 *
 * A plugin's platform configuration (POST /sites/{blogId}/plugins/{plugin}/config {configuration: {...}})
 * is kept per site as JSON text in the option `bbws_plugin_config_{folder}` (a single-file plugin: its file
 * name without .php; not autoloaded): the plugin
 * reads it with json_decode( get_option( 'bbws_plugin_config_{folder}' ), true ). A plugin update does not
 * touch it, and deleting the plugin's files does not either (the site keeps it until the site goes).
 */

defined( 'ABSPATH' ) || exit;

const BBWS_PLUGIN_CONFIG_OPTION_PREFIX = 'bbws_plugin_config_';
const BBWS_PLUGIN_CONFIG_MAX_BYTES     = 16384;

add_action( 'rest_api_init', 'bbws_register_plugin_config_route' );

function bbws_register_plugin_config_route(): void {
	register_rest_route(
		BBWS_AGENT_NAMESPACE,
		'/plugins/delete',
		array(
			'methods'             => 'POST',
			'callback'            => bbws_route( 'bbws_delete_plugin' ),
			'permission_callback' => 'bbws_authenticate',
		)
	);
	register_rest_route(
		BBWS_AGENT_NAMESPACE,
		'/sites/(?P<blogId>\d+)/plugins/(?P<plugin>[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?)/config',
		array(
			'methods'             => 'POST',
			'callback'            => bbws_route( 'bbws_set_plugin_config' ),
			'permission_callback' => 'bbws_authenticate',
		)
	);
}

/**
 * POST /plugins/delete {plugin}: deletes the plugin's files from the network (core's DELETE /wp/v2/plugins
 * needs the application password); refused (409 bbws_plugin_in_use) while any site has it active.
 */
function bbws_delete_plugin( WP_REST_Request $request ): array {
	$file = bbws_plugin_file( bbws_required_string( bbws_body( $request ), 'plugin' ) );
	bbws_require_installed_plugin( $file );
	$using = bbws_blogs_using_plugin( $file );
	if ( $using || array_key_exists( $file, (array) get_site_option( 'active_sitewide_plugins', array() ) ) ) {
		throw new Bbws_Agent_Error( 'bbws_plugin_in_use', 'The plugin is still active on some sites; deactivate it first', 409, array( 'blogIds' => $using ) );
	}
	$result = delete_plugins( array( $file ) );
	if ( true !== $result ) {
		$message = is_wp_error( $result ) ? $result->get_error_message() : 'The plugin files could not be deleted';
		throw new Bbws_Agent_Error( 'bbws_plugin_delete_failed', $message, 500 );
	}
	return array( 'plugin' => preg_replace( '/\.php$/', '', $file ), 'deleted' => true );
}

/** The blogs where the plugin is active. */
function bbws_blogs_using_plugin( string $file ): array {
	$using = array();
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $blog_id ) {
		if ( in_array( $file, (array) get_blog_option( $blog_id, 'active_plugins', array() ), true ) ) {
			$using[] = (int) $blog_id;
		}
	}
	return $using;
}

/** Stores {configuration} (a JSON object of at most 16 KiB) as the site's configuration of the plugin. */
function bbws_set_plugin_config( WP_REST_Request $request ): array {
	$site = bbws_route_site( $request );
	$file = bbws_plugin_file( bbws_route_param( $request, 'plugin' ) );
	bbws_require_installed_plugin( $file );
	$body = bbws_body( $request );
	if ( ! isset( $body['configuration'] ) || ! is_array( $body['configuration'] ) || ( $body['configuration'] && array_is_list( $body['configuration'] ) ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'configuration must be an object', 400, array( 'field' => 'configuration' ) );
	}
	$json = wp_json_encode( (object) $body['configuration'] );
	if ( false === $json || strlen( $json ) > BBWS_PLUGIN_CONFIG_MAX_BYTES ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'configuration must be at most 16 KiB of JSON', 400, array( 'field' => 'configuration' ) );
	}
	$folder = '.' === dirname( $file ) ? basename( $file, '.php' ) : dirname( $file );
	$option = BBWS_PLUGIN_CONFIG_OPTION_PREFIX . $folder;
	return bbws_in_blog(
		(int) $site->blog_id,
		function () use ( $file, $option, $json ) {
			update_option( $option, $json, false );
			return array(
				'blogId'        => get_current_blog_id(),
				'plugin'        => preg_replace( '/\.php$/', '', $file ),
				'option'        => $option,
				'configuration' => json_decode( (string) get_option( $option ), true ),
			);
		}
	);
}

function bbws_plugin_file( string $plugin ): string {
	$plugin = preg_replace( '/\.php$/', '', $plugin );
	if ( ! preg_match( '#^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$#', $plugin ) || false !== strpos( $plugin, '..' ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'plugin must look like folder/main-file', 400, array( 'field' => 'plugin' ) );
	}
	return $plugin . '.php';
}

function bbws_require_installed_plugin( string $file ): array {
	bbws_load_admin_includes();
	wp_clean_plugins_cache( false );
	$plugins = get_plugins();
	if ( ! isset( $plugins[ $file ] ) ) {
		throw new Bbws_Agent_Error( 'bbws_plugin_not_found', 'Plugin ' . preg_replace( '/\.php$/', '', $file ) . ' is not installed', 404 );
	}
	return $plugins[ $file ];
}

function bbws_present_plugin( string $file, array $data ): array {
	return array( 'plugin' => preg_replace( '/\.php$/', '', $file ), 'name' => $data['Name'], 'version' => $data['Version'] );
}

function bbws_install_plugin( WP_REST_Request $request ): WP_REST_Response {
	$body    = bbws_body( $request );
	$package = bbws_download_verified( bbws_required_string( $body, 'packageUrl' ), bbws_required_string( $body, 'sha256' ) );
	return new WP_REST_Response( bbws_install_plugin_package( $package ), 201 );
}

function bbws_install_plugin_package( string $package ): array {
	bbws_load_admin_includes();
	$skin     = new WP_Ajax_Upgrader_Skin();
	$upgrader = new Plugin_Upgrader( $skin );
	$result   = $upgrader->install( $package );
	@unlink( $package );
	bbws_assert_upgrade_succeeded( $result, $skin, 'bbws_plugin_install_failed' );
	$file = $upgrader->plugin_info();
	if ( ! $file ) {
		throw new Bbws_Agent_Error( 'bbws_package_invalid', 'The package does not contain a plugin', 422 );
	}
	return bbws_present_plugin( $file, bbws_require_installed_plugin( $file ) );
}

function bbws_update_plugin( WP_REST_Request $request ): array {
	$body     = bbws_body( $request );
	$file     = bbws_plugin_file( bbws_required_string( $body, 'plugin' ) );
	$previous = bbws_require_installed_plugin( $file );
	$package  = bbws_download_verified( bbws_required_string( $body, 'packageUrl' ), bbws_required_string( $body, 'sha256' ) );
	$was_network_active = is_plugin_active_for_network( $file );
	$was_active         = is_plugin_active( $file );
	$offer_update       = function ( $transient ) use ( $file, $package ) {
		$transient           = is_object( $transient ) ? $transient : new stdClass();
		$transient->response = isset( $transient->response ) && is_array( $transient->response ) ? $transient->response : array();
		$transient->response[ $file ] = (object) array( 'plugin' => $file, 'slug' => dirname( $file ), 'new_version' => '', 'package' => $package );
		return $transient;
	};
	try {
		bbws_assert_zip_contains( $package, $file, 'the plugin being updated' );
		add_filter( 'site_transient_update_plugins', $offer_update );
		$skin   = new WP_Ajax_Upgrader_Skin();
		$result = ( new Plugin_Upgrader( $skin ) )->upgrade( $file );
	} finally {
		remove_filter( 'site_transient_update_plugins', $offer_update );
		@unlink( $package );
	}
	bbws_assert_upgrade_succeeded( $result, $skin, 'bbws_plugin_update_failed' );
	if ( $was_active && ! is_plugin_active( $file ) ) {
		activate_plugin( $file, '', $was_network_active, true );
	}
	$current = bbws_require_installed_plugin( $file );
	return array_merge( bbws_present_plugin( $file, $current ), array( 'previousVersion' => $previous['Version'] ) );
}

/** Turns an upgrader result (true, false, null or WP_Error) into an agent error when it failed. */
function bbws_assert_upgrade_succeeded( $result, WP_Ajax_Upgrader_Skin $skin, string $code ): void {
	if ( is_wp_error( $result ) ) {
		$status = 'folder_exists' === $result->get_error_code() ? 409 : 422;
		throw new Bbws_Agent_Error( 'folder_exists' === $result->get_error_code() ? 'bbws_already_installed' : $code, $result->get_error_message(), $status );
	}
	// The upgrader reports an existing destination through the skin on some paths, not as its result.
	if ( in_array( 'folder_exists', $skin->get_errors()->get_error_codes(), true ) ) {
		throw new Bbws_Agent_Error( 'bbws_already_installed', $skin->get_errors()->get_error_message( 'folder_exists' ), 409 );
	}
	if ( ! $result || $skin->get_errors()->has_errors() ) {
		$message = $skin->get_errors()->has_errors() ? $skin->get_error_messages() : 'The upgrader did not complete';
		throw new Bbws_Agent_Error( $code, $message, 422 );
	}
}

function bbws_toggle_plugin( WP_REST_Request $request, bool $activate ): array {
	$site = bbws_route_site( $request );
	$file = bbws_plugin_file( bbws_route_param( $request, 'plugin' ) );
	bbws_require_installed_plugin( $file );
	return bbws_in_blog(
		(int) $site->blog_id,
		function () use ( $file, $activate ) {
			return bbws_set_plugin_active( $file, $activate );
		}
	);
}

/** Activates or deactivates a plugin on the current blog. */
function bbws_set_plugin_active( string $file, bool $activate ): array {
	bbws_load_admin_includes();
	if ( $activate && ! is_plugin_active( $file ) ) {
		bbws_assert_no_conflict( $file );
		$result = activate_plugin( $file );
		if ( is_wp_error( $result ) ) {
			throw new Bbws_Agent_Error( 'bbws_plugin_activation_failed', $result->get_error_message(), 422 );
		}
	} elseif ( ! $activate && is_plugin_active( $file ) && ! is_plugin_active_for_network( $file ) ) {
		deactivate_plugins( $file );
	}
	return array( 'blogId' => get_current_blog_id(), 'plugin' => preg_replace( '/\.php$/', '', $file ), 'active' => is_plugin_active( $file ) );
}

/** Refuses activation when the plugin, or a plugin active on the blog, names the other in "Conflicts With". */
function bbws_assert_no_conflict( string $file ): void {
	$active = array_unique( array_merge( (array) get_option( 'active_plugins', array() ), array_keys( (array) get_site_option( 'active_sitewide_plugins', array() ) ) ) );
	foreach ( $active as $other ) {
		if ( $other !== $file && ( bbws_plugin_conflicts_with( $file, $other ) || bbws_plugin_conflicts_with( $other, $file ) ) ) {
			throw new Bbws_Agent_Error(
				'bbws_plugin_conflict',
				sprintf( '%s conflicts with %s, which is active on this site', dirname( $file ), dirname( $other ) ),
				409,
				array( 'plugin' => preg_replace( '/\.php$/', '', $file ), 'conflictsWith' => preg_replace( '/\.php$/', '', $other ) )
			);
		}
	}
}

function bbws_plugin_conflicts_with( string $file, string $other ): bool {
	$path = WP_PLUGIN_DIR . '/' . $file;
	if ( ! is_file( $path ) ) {
		return false;
	}
	$header   = get_file_data( $path, array( 'conflicts' => 'Conflicts With' ) )['conflicts'];
	$declared = array_filter( array_map( 'trim', explode( ',', $header ) ) );
	$names    = array( dirname( $other ), preg_replace( '/\.php$/', '', $other ), $other );
	return (bool) array_intersect( $declared, $names );
}

/** Core's DELETE /wp/v2/plugins/{plugin} only checks the current site; refuse while any site uses it. */
function bbws_guard_plugin_delete( $response, $handler, WP_REST_Request $request ) {
	if ( 'DELETE' !== $request->get_method() || ! preg_match( '#^/wp/v2/plugins/(.+)$#', $request->get_route(), $match ) ) {
		return $response;
	}
	// Core deletes $request['plugin'] (sanitized to the plugin file), which a query parameter can set apart
	// from the route: check that one.
	$file  = is_string( $request['plugin'] ) && '' !== $request['plugin'] ? $request['plugin'] : $match[1] . '.php';
	$using = array();
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $blog_id ) {
		if ( in_array( $file, (array) get_blog_option( $blog_id, 'active_plugins', array() ), true ) ) {
			$using[] = (int) $blog_id;
		}
	}
	if ( array_key_exists( $file, (array) get_site_option( 'active_sitewide_plugins', array() ) ) || $using ) {
		return new WP_Error( 'bbws_plugin_in_use', 'The plugin is still active on some sites; deactivate it first', array( 'status' => 409, 'blogIds' => $using ) );
	}
	return $response;
}
