<?php
/** Sites of the network: POST /sites, DELETE /sites/{id}, POST /sites/{id}/status. */

defined( 'ABSPATH' ) || exit;

function bbws_site_status( WP_Site $site ): string {
	if ( '1' === (string) $site->deleted ) {
		return 'deactivated';
	}
	return ( '1' === (string) $site->archived || '1' === (string) $site->spam ) ? 'archived' : 'active';
}

function bbws_present_site( WP_Site $site ): array {
	return array(
		'blogId' => (int) $site->blog_id,
		'domain' => $site->domain,
		'path'   => $site->path,
		'url'    => get_home_url( (int) $site->blog_id, '/' ),
		'status' => bbws_site_status( $site ),
	);
}

function bbws_create_site( WP_REST_Request $request ): WP_REST_Response {
	bbws_load_admin_includes();
	$body   = bbws_body( $request );
	$domain = strtolower( bbws_required_string( $body, 'domain' ) );
	$title  = bbws_required_string( $body, 'title' );
	$email  = bbws_required_string( $body, 'adminEmail' );
	if ( ! preg_match( '/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/', $domain ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'domain must be a host name', 400, array( 'field' => 'domain' ) );
	}
	if ( ! is_email( $email ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'adminEmail must be an email address', 400, array( 'field' => 'adminEmail' ) );
	}
	$network_id = get_current_network_id();
	$existing   = domain_exists( $domain, '/', $network_id );
	if ( $existing ) {
		// The platform guards each host, so the caller can adopt a site an interrupted attempt created.
		throw new Bbws_Agent_Error( 'bbws_site_exists', "A site with domain $domain already exists", 409, array( 'blogId' => (int) $existing ) );
	}
	$admin_id = bbws_user_for_email( $email );
	$blog_id  = wpmu_create_blog( $domain, '/', $title, $admin_id, array( 'public' => 1 ), $network_id );
	if ( is_wp_error( $blog_id ) ) {
		throw new Bbws_Agent_Error( 'bbws_site_create_failed', $blog_id->get_error_message(), 422 );
	}
	$site = array_merge( bbws_present_site( get_site( $blog_id ) ), array( 'adminUserId' => $admin_id ) );
	return new WP_REST_Response( $site, 201 );
}

/** The user owning $email, created with a random password when there is none. */
function bbws_user_for_email( string $email ): int {
	$user = get_user_by( 'email', $email );
	if ( $user ) {
		return $user->ID;
	}
	$base  = sanitize_user( strtolower( strstr( $email, '@', true ) ), true );
	$login = $base ? $base : 'siteadmin';
	for ( $suffix = 2; username_exists( $login ); $suffix++ ) {
		$login = $base . $suffix;
	}
	$user_id = wpmu_create_user( $login, wp_generate_password( 32, true, true ), $email );
	if ( ! $user_id ) {
		throw new Bbws_Agent_Error( 'bbws_user_create_failed', "Could not create a user for $email", 422 );
	}
	return (int) $user_id;
}

function bbws_delete_site( WP_REST_Request $request ): array {
	bbws_load_admin_includes();
	$site = bbws_route_site( $request );
	if ( is_main_site( (int) $site->blog_id ) ) {
		throw new Bbws_Agent_Error( 'bbws_main_site', 'The main site of a network cannot be deleted', 422 );
	}
	wpmu_delete_blog( (int) $site->blog_id, true );
	return array( 'blogId' => (int) $site->blog_id, 'deleted' => true );
}

function bbws_set_site_status( WP_REST_Request $request ): array {
	$site   = bbws_route_site( $request );
	$status = bbws_required_string( bbws_body( $request ), 'status' );
	$flags  = array(
		'active'      => array( 'archived' => 0, 'deleted' => 0, 'spam' => 0 ),
		'archived'    => array( 'archived' => 1, 'deleted' => 0 ),
		'deactivated' => array( 'archived' => 0, 'deleted' => 1 ),
	);
	if ( ! isset( $flags[ $status ] ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'status must be active, archived or deactivated', 400, array( 'field' => 'status' ) );
	}
	if ( is_main_site( (int) $site->blog_id ) && 'active' !== $status ) {
		throw new Bbws_Agent_Error( 'bbws_main_site', 'The main site of a network cannot be suspended', 422 );
	}
	$updated = wp_update_site( (int) $site->blog_id, $flags[ $status ] );
	if ( is_wp_error( $updated ) ) {
		throw new Bbws_Agent_Error( 'bbws_site_update_failed', $updated->get_error_message(), 422 );
	}
	return bbws_present_site( get_site( (int) $site->blog_id ) );
}
