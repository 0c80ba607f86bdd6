<?php
/**
 * Request authentication: every agent route requires an HMAC-SHA256, keyed by BBWS_AGENT_SECRET, over
 * "METHOD\nROUTE\nCANONICAL_QUERY\nTIMESTAMP\nNONCE\nSHA256(BODY)" in X-Bbws-Signature, with
 * X-Bbws-Timestamp (unix seconds) and X-Bbws-Nonce. The canonical query is every query parameter but
 * rest_route as rawurlencode(name)=rawurlencode(value), sorted, joined by "&" (WordPress lets query
 * parameters override route values, so they are signed too). The TypeScript signer is
 * libs/integrations/wordpress-client/src/agent-request.signer.ts. Requests more than five minutes away
 * from the server's clock, or whose nonce was already used, are rejected.
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

function bbws_signature_payload( string $method, string $route, string $query, string $timestamp, string $nonce, string $body ): string {
	return implode( "\n", array( strtoupper( $method ), $route, $query, $timestamp, $nonce, hash( 'sha256', $body ) ) );
}

/** The signed form of the query parameters; null when one is not a plain value (e.g. blogId[]=7). */
function bbws_canonical_query( array $params ): ?string {
	$pairs = array();
	foreach ( $params as $name => $value ) {
		if ( 'rest_route' === $name ) {
			continue;
		}
		if ( ! is_scalar( $value ) ) {
			return null;
		}
		$pairs[] = rawurlencode( (string) $name ) . '=' . rawurlencode( (string) $value );
	}
	sort( $pairs, SORT_STRING );
	return implode( '&', $pairs );
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
	$query = bbws_canonical_query( (array) $request->get_query_params() );
	if ( null === $query ) {
		return bbws_unauthorized( 'bbws_signature_invalid', 'The request signature does not match' );
	}
	$payload  = bbws_signature_payload( $request->get_method(), $request->get_route(), $query, $timestamp, $nonce, $request->get_body() );
	$expected = hash_hmac( 'sha256', $payload, $secret );
	if ( ! hash_equals( $expected, $signature ) ) {
		return bbws_unauthorized( 'bbws_signature_invalid', 'The request signature does not match' );
	}
	try {
		$fresh = bbws_claim_nonce( $nonce );
	} catch ( Throwable $error ) {
		return bbws_internal_error( $error );
	}
	if ( ! $fresh ) {
		return bbws_unauthorized( 'bbws_request_replayed', 'This request was already received' );
	}
	bbws_act_as_platform_user();
	return true;
}

function bbws_unauthorized( string $code, string $message ): WP_Error {
	return new WP_Error( $code, $message, array( 'status' => 401 ) );
}

function bbws_nonce_table(): string {
	global $wpdb;
	return $wpdb->base_prefix . 'bbws_agent_nonces';
}

/**
 * Remembers a nonce for longer than a signature stays valid; false when it was seen before. The primary
 * key makes the claim atomic (of two requests racing with one nonce, one insert fails), and every claim
 * first removes the expired rows, so the table stays bounded without wp-cron. The table is created on
 * first use.
 */
function bbws_claim_nonce( string $nonce ): bool {
	global $wpdb;
	$table = bbws_nonce_table();
	$now   = time();
	$claim = sprintf( "INSERT INTO `%s` (nonce, expires_at) VALUES ('%s', %d)", $table, mysqli_real_escape_string( $wpdb->dbh, $nonce ), $now + 2 * BBWS_MAX_CLOCK_SKEW + 60 );
	if ( ! mysqli_query( $wpdb->dbh, "DELETE FROM `$table` WHERE expires_at < $now" ) && 1146 === mysqli_errno( $wpdb->dbh ) ) {
		bbws_nonce_query( "CREATE TABLE IF NOT EXISTS `$table` (nonce VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY, expires_at INT UNSIGNED NOT NULL, KEY expires_at (expires_at)) ENGINE=InnoDB" );
	}
	if ( mysqli_query( $wpdb->dbh, $claim ) ) {
		return true;
	}
	if ( 1062 === mysqli_errno( $wpdb->dbh ) ) {
		return false;
	}
	throw new RuntimeException( 'bbws-agent: could not record the request nonce: ' . mysqli_error( $wpdb->dbh ) );
}

function bbws_nonce_query( string $statement ): void {
	global $wpdb;
	if ( ! mysqli_query( $wpdb->dbh, $statement ) ) {
		throw new RuntimeException( 'bbws-agent: ' . mysqli_error( $wpdb->dbh ) );
	}
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
