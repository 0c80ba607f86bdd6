<?php
/** POST /sites/{id}/theme: install the theme from a verified package when missing, allow it on the site, switch. */

defined( 'ABSPATH' ) || exit;

function bbws_switch_theme_route( WP_REST_Request $request ): array {
	$site = bbws_route_site( $request );
	$spec = bbws_theme_spec( bbws_body( $request ) );
	return bbws_in_blog(
		(int) $site->blog_id,
		function () use ( $spec ) {
			return bbws_activate_theme( $spec );
		}
	);
}

function bbws_theme_spec( array $body ): array {
	$stylesheet = bbws_required_string( $body, 'stylesheet' );
	if ( ! preg_match( '/^[A-Za-z0-9_.-]+$/', $stylesheet ) || false !== strpos( $stylesheet, '..' ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'stylesheet must be a theme folder name', 400, array( 'field' => 'stylesheet' ) );
	}
	return array(
		'stylesheet' => $stylesheet,
		'packageUrl' => bbws_optional_string( $body, 'packageUrl' ),
		'sha256'     => bbws_optional_string( $body, 'sha256' ),
	);
}

/** Installs (if needed) and switches the current blog to the theme; returns what happened. */
function bbws_activate_theme( array $spec ): array {
	bbws_load_admin_includes();
	$stylesheet = $spec['stylesheet'];
	$installed  = false;
	if ( ! wp_get_theme( $stylesheet )->exists() ) {
		if ( ! $spec['packageUrl'] || ! $spec['sha256'] ) {
			throw new Bbws_Agent_Error( 'bbws_theme_not_found', "Theme $stylesheet is not installed and no package was given", 404 );
		}
		bbws_install_theme_package( $stylesheet, bbws_download_verified( $spec['packageUrl'], $spec['sha256'] ) );
		$installed = true;
	}
	$theme = wp_get_theme( $stylesheet );
	if ( $theme->errors() ) {
		throw new Bbws_Agent_Error( 'bbws_theme_broken', $theme->errors()->get_error_message(), 422 );
	}
	$allowed                = (array) get_option( 'allowedthemes', array() );
	$allowed[ $stylesheet ] = true;
	update_option( 'allowedthemes', $allowed );
	if ( get_stylesheet() !== $stylesheet ) {
		switch_theme( $stylesheet );
	}
	return array( 'blogId' => get_current_blog_id(), 'stylesheet' => get_stylesheet(), 'version' => $theme->get( 'Version' ), 'installed' => $installed );
}

function bbws_install_theme_package( string $stylesheet, string $package ): void {
	try {
		bbws_assert_zip_contains( $package, "$stylesheet/style.css", 'the theme' );
		$skin   = new WP_Ajax_Upgrader_Skin();
		$result = ( new Theme_Upgrader( $skin ) )->install( $package );
	} finally {
		@unlink( $package );
	}
	bbws_assert_upgrade_succeeded( $result, $skin, 'bbws_theme_install_failed' );
	wp_clean_themes_cache();
}
