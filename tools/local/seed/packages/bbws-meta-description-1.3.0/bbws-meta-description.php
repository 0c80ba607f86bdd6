<?php
/**
 * Plugin Name: BBWS Meta Description Pro
 * Description: Adds a meta description (the site's tagline, or a page's excerpt) to every page.
 * Version: 1.3.0
 * Requires at least: 6.0
 * Requires PHP: 7.4
 * Author: BBWS
 * License: GPLv2 or later
 */

defined( 'ABSPATH' ) || exit;

add_action( 'wp_head', 'bbws_meta_description', 1 );

function bbws_meta_description() {
	$description = is_singular() && has_excerpt() ? get_the_excerpt() : get_bloginfo( 'description' );
	if ( '' === trim( $description ) ) {
		return;
	}
	printf( '<meta name="description" content="%s" />' . "\n", esc_attr( wp_strip_all_tags( $description ) ) );
	echo '<meta name="generator" content="BBWS Meta Description Pro 1.3.0" />' . "\n";
}
