<?php
/**
 * Request authentication: every agent route requires an HMAC-SHA256, keyed by BBWS_AGENT_SECRET, over
 * "METHOD\nROUTE\nTIMESTAMP\nNONCE\nSHA256(BODY)" in X-Bbws-Signature, with X-Bbws-Timestamp (unix seconds)
 * and X-Bbws-Nonce. Requests more than five minutes away from the server's clock, or whose nonce was
 * already used, are rejected.
 */

defined( 'ABSPATH' ) || exit;

const BBWS_MAX_CLOCK_SKEW = 300;

function bbws_agent_secret(): string {
	if ( defined( 'BBWS_AGENT_SECRET' ) && is_string( BBWS_AGENT_SECRET ) ) {
		return BBWS_AGENT_SECRET;
	}
	$from_env = getenv( 'BBWS_AGENT_SECRET' );
	return is_string( $from_env ) ? $from_env : '';
}

function bbws_signature_payload( string $method, string $route, string $timestamp, string $nonce, string $body ): string {
	return implode( "\n", array( strtoupper( $method ), $route, $timestamp, $nonce, hash( 'sha256', $body ) ) );
}

/** permission_callback of every agent route. */
function bbws_authenticate( WP_REST_Request $request ) {
	$secret = bbws_agent_secret();
	if ( '' === $secret ) {
		return new WP_Error( 'bbws_agent_not_configured', 'BBWS_AGENT_SECRET is not set on this instance', array( 'status' => 503 ) );
	}
	$timestamp = (string) $request->get_header( 'x_bbws_timestamp' );
	$nonce     = (string) $request->get_header( 'x_bbws_nonce' );
	$signature = strtolower( (string) $request->get_header( 'x_bbws_signature' ) );
	if ( ! ctype_digit( $timestamp ) || ! preg_match( '/^[A-Za-z0-9_-]{16,64}$/', $nonce ) || '' === $signature ) {
		return bbws_unauthorized( 'bbws_signature_missing', 'The request is not signed (X-Bbws-Timestamp, X-Bbws-Nonce, X-Bbws-Signature)' );
	}
	if ( abs( time() - (int) $timestamp ) > BBWS_MAX_CLOCK_SKEW ) {
		return bbws_unauthorized( 'bbws_request_expired', 'The request timestamp is more than 5 minutes away from the server clock' );
	}
	$payload  = bbws_signature_payload( $request->get_method(), $request->get_route(), $timestamp, $nonce, $request->get_body() );
	$expected = hash_hmac( 'sha256', $payload, $secret );
	if ( ! hash_equals( $expected, $signature ) ) {
		return bbws_unauthorized( 'bbws_signature_invalid', 'The request signature does not match' );
	}
	if ( ! bbws_claim_nonce( $nonce ) ) {
		return bbws_unauthorized( 'bbws_request_replayed', 'This request was already received' );
	}
	bbws_act_as_platform_user();
	return true;
}

function bbws_unauthorized( string $code, string $message ): WP_Error {
	return new WP_Error( $code, $message, array( 'status' => 401 ) );
}

/** Remembers a nonce for longer than a signature stays valid; false when it was seen before. */
function bbws_claim_nonce( string $nonce ): bool {
	$key = 'bbws_nonce_' . md5( $nonce );
	if ( false !== get_site_transient( $key ) ) {
		return false;
	}
	set_site_transient( $key, 1, 2 * BBWS_MAX_CLOCK_SKEW + 60 );
	return true;
}

/** Agent work runs as the platform's network admin (or the first super admin before bootstrap). */
function bbws_act_as_platform_user(): void {
	$user_id = (int) get_site_option( 'bbws_platform_user_id', 0 );
	if ( ! $user_id || ! get_userdata( $user_id ) ) {
		$admins  = get_super_admins();
		$first   = $admins ? get_user_by( 'login', reset( $admins ) ) : false;
		$user_id = $first ? $first->ID : 0;
	}
	if ( $user_id ) {
		wp_set_current_user( $user_id );
	}
}

/**
 * Application passwords over plain HTTP for requests from the internal network only: the peer and every
 * hop in X-Forwarded-For must be a private or loopback address (the platform reaches instances this way).
 */
function bbws_application_passwords_available( $available ): bool {
	return $available || bbws_is_internal_request();
}

function bbws_is_internal_request(): bool {
	$hops = array( $_SERVER['REMOTE_ADDR'] ?? '' );
	if ( ! empty( $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) {
		$hops = array_merge( $hops, array_map( 'trim', explode( ',', $_SERVER['HTTP_X_FORWARDED_FOR'] ) ) );
	}
	foreach ( $hops as $ip ) {
		$is_ip     = false !== filter_var( $ip, FILTER_VALIDATE_IP );
		$is_public = false !== filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE );
		if ( ! $is_ip || $is_public ) {
			return false;
		}
	}
	return true;
}
