<?php
/** POST /bootstrap: the platform's network admin and its application password (returned once). */

defined( 'ABSPATH' ) || exit;

const BBWS_APP_PASSWORD_NAME = 'bbws-platform';

function bbws_bootstrap( WP_REST_Request $request ): array {
	$body     = bbws_body( $request );
	$username = bbws_optional_string( $body, 'username' ) ?? 'bbws-platform';
	$email    = bbws_optional_string( $body, 'email' ) ?? 'platform@' . get_network()->domain;
	$rotate   = ! empty( $body['rotate'] );

	$user = get_user_by( 'login', $username );
	if ( ! $user ) {
		$user_id = wpmu_create_user( $username, wp_generate_password( 32, true, true ), $email );
		if ( ! $user_id ) {
			throw new Bbws_Agent_Error( 'bbws_user_create_failed', "Could not create the user $username", 409 );
		}
		$user = get_user_by( 'id', $user_id );
	}
	if ( ! is_super_admin( $user->ID ) ) {
		grant_super_admin( $user->ID );
	}
	update_site_option( 'bbws_platform_user_id', $user->ID );

	$existing = array_filter(
		WP_Application_Passwords::get_user_application_passwords( $user->ID ),
		function ( $item ) {
			return BBWS_APP_PASSWORD_NAME === $item['name'];
		}
	);
	$result = array( 'userId' => $user->ID, 'username' => $user->user_login, 'created' => false, 'applicationPassword' => null );
	if ( $existing && ! $rotate ) {
		return $result;
	}
	foreach ( $existing as $item ) {
		WP_Application_Passwords::delete_application_password( $user->ID, $item['uuid'] );
	}
	$created = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => BBWS_APP_PASSWORD_NAME ) );
	if ( is_wp_error( $created ) ) {
		throw new Bbws_Agent_Error( 'bbws_application_password_failed', $created->get_error_message(), 500 );
	}
	return array_merge( $result, array( 'created' => true, 'applicationPassword' => $created[0] ) );
}
