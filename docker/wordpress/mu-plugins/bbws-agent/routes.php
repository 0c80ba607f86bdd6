<?php
/** The agent's REST routes (namespace bbws/v1); every one requires a signed request (auth.php). */

defined( 'ABSPATH' ) || exit;

function bbws_register_routes(): void {
	$blog   = '/sites/(?P<blogId>\d+)';
	$plugin = '(?P<plugin>[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)?)';
	$routes = array(
		array( '/bootstrap', 'POST', 'bbws_bootstrap' ),
		array( '/sites', 'POST', 'bbws_create_site' ),
		array( $blog, 'DELETE', 'bbws_delete_site' ),
		array( "$blog/status", 'POST', 'bbws_set_site_status' ),
		array( "$blog/settings", 'POST', 'bbws_update_settings' ),
		array( '/plugins/install', 'POST', 'bbws_install_plugin' ),
		array( '/plugins/update', 'POST', 'bbws_update_plugin' ),
		array( "$blog/plugins/$plugin/activate", 'POST', 'bbws_activate_plugin_route' ),
		array( "$blog/plugins/$plugin/deactivate", 'POST', 'bbws_deactivate_plugin_route' ),
		array( "$blog/theme", 'POST', 'bbws_switch_theme_route' ),
		array( "$blog/template", 'POST', 'bbws_apply_template' ),
		array( "$blog/export", 'POST', 'bbws_export_site' ),
		array( "$blog/import", 'POST', 'bbws_import_site' ),
		array( "$blog/health", 'GET', 'bbws_site_health' ),
	);
	foreach ( $routes as list( $path, $method, $handler ) ) {
		register_rest_route(
			BBWS_AGENT_NAMESPACE,
			$path,
			array(
				'methods'             => $method,
				'callback'            => bbws_route( $handler ),
				'permission_callback' => 'bbws_authenticate',
			)
		);
	}
}

function bbws_activate_plugin_route( WP_REST_Request $request ): array {
	return bbws_toggle_plugin( $request, true );
}

function bbws_deactivate_plugin_route( WP_REST_Request $request ): array {
	return bbws_toggle_plugin( $request, false );
}
