<?php
/**
 * POST /sites/{id}/template: plugins (installed from a verified package when missing, then activated),
 * theme, pages (matched by slug, so applying twice updates instead of duplicating), then options.
 */

defined( 'ABSPATH' ) || exit;

function bbws_apply_template( WP_REST_Request $request ): array {
	$site    = bbws_route_site( $request );
	$body    = bbws_body( $request );
	$plugins = isset( $body['plugins'] ) && is_array( $body['plugins'] ) ? $body['plugins'] : array();
	$pages   = isset( $body['pages'] ) && is_array( $body['pages'] ) ? $body['pages'] : array();
	$options = isset( $body['options'] ) && is_array( $body['options'] ) ? $body['options'] : array();
	$theme   = isset( $body['theme'] ) && is_array( $body['theme'] ) ? bbws_theme_spec( $body['theme'] ) : null;

	return bbws_in_blog(
		(int) $site->blog_id,
		function () use ( $plugins, $theme, $pages, $options ) {
			return array(
				'blogId'  => get_current_blog_id(),
				'plugins' => array_map( 'bbws_apply_template_plugin', $plugins ),
				'theme'   => $theme ? bbws_activate_theme( $theme ) : null,
				'pages'   => array_map( 'bbws_upsert_page', $pages ),
				'options' => bbws_apply_options( $options ),
			);
		}
	);
}

function bbws_apply_template_plugin( $spec ): array {
	if ( ! is_array( $spec ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'each template plugin must be an object', 400, array( 'field' => 'plugins' ) );
	}
	$file       = bbws_plugin_file( bbws_required_string( $spec, 'plugin' ) );
	$package    = bbws_optional_string( $spec, 'packageUrl' );
	$sha256     = bbws_optional_string( $spec, 'sha256' );
	$installed  = false;
	bbws_load_admin_includes();
	if ( ! array_key_exists( $file, get_plugins() ) ) {
		if ( ! $package || ! $sha256 ) {
			throw new Bbws_Agent_Error( 'bbws_plugin_not_found', 'Plugin ' . $spec['plugin'] . ' is not installed and no package was given', 404 );
		}
		$download = bbws_download_verified( $package, $sha256 );
		try {
			bbws_assert_zip_contains( $download, $file, 'the template plugin' );
		} catch ( Bbws_Agent_Error $error ) {
			@unlink( $download );
			throw $error;
		}
		bbws_install_plugin_package( $download );
		$installed = true;
	}
	return array_merge( bbws_set_plugin_active( $file, true ), array( 'installed' => $installed ) );
}

function bbws_upsert_page( $spec ): array {
	if ( ! is_array( $spec ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'each template page must be an object', 400, array( 'field' => 'pages' ) );
	}
	$slug   = sanitize_title( bbws_required_string( $spec, 'slug' ) );
	$fields = array(
		'post_type'    => 'page',
		'post_name'    => $slug,
		'post_title'   => bbws_required_string( $spec, 'title' ),
		'post_content' => bbws_optional_string( $spec, 'content' ) ?? '',
		'post_status'  => bbws_optional_string( $spec, 'status' ) ?? 'publish',
	);
	$existing = get_posts( array( 'post_type' => 'page', 'name' => $slug, 'post_status' => 'any', 'numberposts' => 1, 'fields' => 'ids' ) );
	if ( $existing ) {
		$fields['ID'] = $existing[0];
	}
	$id = $existing ? wp_update_post( wp_slash( $fields ), true ) : wp_insert_post( wp_slash( $fields ), true );
	if ( is_wp_error( $id ) ) {
		throw new Bbws_Agent_Error( 'bbws_page_failed', $id->get_error_message(), 422, array( 'slug' => $slug ) );
	}
	return array( 'slug' => $slug, 'id' => (int) $id, 'created' => ! $existing );
}
