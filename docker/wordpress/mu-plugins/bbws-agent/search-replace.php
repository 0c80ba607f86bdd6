<?php
/**
 * Serialization-safe search-replace: serialized values are unserialized, replaced recursively and
 * serialized again, so length prefixes stay right; a raw string replace never touches serialized data.
 * A value that looks serialized but does not unserialize is left byte for byte as it is, and counted.
 * Objects of classes other than stdClass are not instantiated (no __wakeup of arbitrary classes): they are
 * kept as they are, URLs inside them included, and counted.
 */

defined( 'ABSPATH' ) || exit;

/**
 * Normalises [{from, to}] into a from => to map, adding the JSON-escaped form of each URL (as found in
 * block attributes). strtr() then replaces longest matches first and never re-replaces its own output.
 */
function bbws_replacement_map( array $pairs ): array {
	$map = array();
	foreach ( $pairs as $pair ) {
		if ( ! is_array( $pair ) || ! isset( $pair['from'], $pair['to'] ) || ! is_string( $pair['from'] ) || ! is_string( $pair['to'] ) || '' === $pair['from'] ) {
			throw new Bbws_Agent_Error( 'bbws_invalid_request', 'searchReplace entries must be {from, to} with a non-empty from', 400, array( 'field' => 'searchReplace' ) );
		}
		$map[ $pair['from'] ]                           = $pair['to'];
		$map[ str_replace( '/', '\\/', $pair['from'] ) ] = str_replace( '/', '\\/', $pair['to'] );
	}
	return array_filter(
		$map,
		function ( $to, $from ) {
			return $to !== $from;
		},
		ARRAY_FILTER_USE_BOTH
	);
}

/** Counters of one search-replace run: rows changed, and serialized values left alone (see above). */
function bbws_replace_stats(): array {
	return array( 'rowsRewritten' => 0, 'unreadableSerialized' => 0, 'skippedObjects' => 0 );
}

function bbws_replace_value( $value, array $map, array &$stats ) {
	if ( is_string( $value ) ) {
		if ( ! is_serialized( $value ) ) {
			return strtr( $value, $map );
		}
		$data = @unserialize( $value, array( 'allowed_classes' => array( 'stdClass' ) ) );
		if ( false === $data && 'b:0;' !== $value ) {
			$stats['unreadableSerialized']++;
			return $value;
		}
		return serialize( bbws_replace_value( $data, $map, $stats ) );
	}
	if ( is_array( $value ) ) {
		foreach ( $value as $key => $item ) {
			$value[ $key ] = bbws_replace_value( $item, $map, $stats );
		}
		return $value;
	}
	if ( $value instanceof stdClass ) {
		foreach ( get_object_vars( $value ) as $key => $item ) {
			$value->$key = bbws_replace_value( $item, $map, $stats );
		}
	} elseif ( is_object( $value ) ) {
		$stats['skippedObjects']++;
	}
	return $value;
}

/** Rewrites every text column of $table (except posts.guid) row by row, counting into $stats. */
function bbws_search_replace_table( string $table, array $map, array &$stats ): void {
	global $wpdb;
	if ( ! $map ) {
		return;
	}
	$keys    = $wpdb->get_col( "SHOW KEYS FROM `$table` WHERE Key_name = 'PRIMARY'", 4 );
	$columns = array();
	foreach ( $wpdb->get_results( "SHOW COLUMNS FROM `$table`" ) as $column ) {
		if ( preg_match( '/char|text/i', $column->Type ) && 'guid' !== $column->Field && ! in_array( $column->Field, $keys, true ) ) {
			$columns[] = $column->Field;
		}
	}
	if ( ! $keys || ! $columns ) {
		return;
	}
	$conditions = array();
	foreach ( $columns as $column ) {
		foreach ( array_keys( $map ) as $from ) {
			$conditions[] = $wpdb->prepare( "`$column` LIKE %s", '%' . $wpdb->esc_like( $from ) . '%' );
		}
	}
	$select = '`' . implode( '`,`', array_merge( $keys, $columns ) ) . '`';
	$rows   = $wpdb->get_results( "SELECT $select FROM `$table` WHERE " . implode( ' OR ', $conditions ), ARRAY_A );
	foreach ( $rows as $row ) {
		$update = array();
		foreach ( $columns as $column ) {
			if ( null !== $row[ $column ] ) {
				$new = bbws_replace_value( $row[ $column ], $map, $stats );
				if ( $new !== $row[ $column ] ) {
					$update[ $column ] = $new;
				}
			}
		}
		if ( $update ) {
			$wpdb->update( $table, $update, array_intersect_key( $row, array_flip( $keys ) ) );
			$stats['rowsRewritten']++;
		}
	}
}
