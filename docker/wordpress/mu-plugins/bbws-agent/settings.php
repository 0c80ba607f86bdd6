<?php
/** POST /sites/{id}/settings, and the allow-list of options the platform may set (settings and templates). */

defined( 'ABSPATH' ) || exit;

/** Option name => kind of value. Page options also accept the slug of a page of the site. */
const BBWS_ALLOWED_OPTIONS = array(
	'blogname'               => 'string',
	'blogdescription'        => 'string',
	'timezone_string'        => 'timezone',
	'WPLANG'                 => 'language',
	'date_format'            => 'string',
	'time_format'            => 'string',
	'start_of_week'          => 'int',
	'posts_per_page'         => 'int',
	'permalink_structure'    => 'string',
	'default_comment_status' => 'open_closed',
	'default_ping_status'    => 'open_closed',
	'blog_public'            => 'int',
	'show_on_front'          => 'show_on_front',
	'page_on_front'          => 'page',
	'page_for_posts'         => 'page',
);

function bbws_update_settings( WP_REST_Request $request ): array {
	$site    = bbws_route_site( $request );
	$body    = bbws_body( $request );
	$options = isset( $body['options'] ) && is_array( $body['options'] ) ? $body['options'] : array();
	$named   = array( 'title' => 'blogname', 'tagline' => 'blogdescription', 'timezone' => 'timezone_string', 'language' => 'WPLANG' );
	foreach ( $named as $field => $option ) {
		if ( array_key_exists( $field, $body ) ) {
			$options[ $option ] = $body[ $field ];
		}
	}
	$applied = bbws_in_blog(
		(int) $site->blog_id,
		function () use ( $options ) {
			return bbws_apply_options( $options );
		}
	);
	return array( 'blogId' => (int) $site->blog_id, 'updated' => $applied );
}

/** Validates every option first, then writes them; returns the names written. Runs in the blog. */
function bbws_apply_options( array $options ): array {
	$values = array();
	foreach ( $options as $name => $value ) {
		if ( ! isset( BBWS_ALLOWED_OPTIONS[ $name ] ) ) {
			throw new Bbws_Agent_Error( 'bbws_option_not_allowed', "The option $name cannot be set by the platform", 400, array( 'option' => $name ) );
		}
		$values[ $name ] = bbws_option_value( $name, BBWS_ALLOWED_OPTIONS[ $name ], $value );
	}
	foreach ( $values as $name => $value ) {
		update_option( $name, $value );
	}
	if ( isset( $values['permalink_structure'] ) ) {
		flush_rewrite_rules( false );
	}
	return array_keys( $values );
}

function bbws_option_value( string $name, string $kind, $value ) {
	$invalid = function ( string $expected ) use ( $name ) {
		return new Bbws_Agent_Error( 'bbws_invalid_option', "The option $name must be $expected", 400, array( 'option' => $name ) );
	};
	switch ( $kind ) {
		case 'string':
			if ( ! is_scalar( $value ) ) {
				throw $invalid( 'a string' );
			}
			return sanitize_text_field( (string) $value );
		case 'int':
			if ( ! is_numeric( $value ) ) {
				throw $invalid( 'a number' );
			}
			return (int) $value;
		case 'open_closed':
			if ( ! in_array( $value, array( 'open', 'closed' ), true ) ) {
				throw $invalid( 'open or closed' );
			}
			return $value;
		case 'show_on_front':
			if ( ! in_array( $value, array( 'posts', 'page' ), true ) ) {
				throw $invalid( 'posts or page' );
			}
			return $value;
		case 'timezone':
			if ( ! is_string( $value ) || ( '' !== $value && ! in_array( $value, timezone_identifiers_list(), true ) ) ) {
				throw $invalid( 'a timezone identifier such as Europe/London' );
			}
			return $value;
		case 'language':
			return bbws_language_value( $value, $invalid );
		case 'page':
			return bbws_page_option_value( $value, $invalid );
	}
	throw $invalid( 'valid' );
}

function bbws_language_value( $value, callable $invalid ): string {
	if ( ! is_string( $value ) ) {
		throw $invalid( 'a locale' );
	}
	if ( '' === $value || 'en_US' === $value ) {
		return '';
	}
	if ( ! in_array( $value, get_available_languages(), true ) ) {
		throw new Bbws_Agent_Error( 'bbws_language_not_installed', "The language $value is not installed", 422 );
	}
	return $value;
}

/** A page id, or the id of the page with that slug. */
function bbws_page_option_value( $value, callable $invalid ): int {
	if ( is_int( $value ) || ctype_digit( (string) $value ) ) {
		return (int) $value;
	}
	$page = is_string( $value ) ? get_page_by_path( $value, OBJECT, 'page' ) : null;
	if ( ! $page ) {
		throw $invalid( 'a page id or the slug of an existing page' );
	}
	return (int) $page->ID;
}
