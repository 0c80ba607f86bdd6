<?php
/**
 * POST /sites/{id}/import: downloads an archive made by the export route and checks it before touching the
 * site: its sha256, every file against the manifest, the manifest's tables (the site's own only) and every
 * SQL statement (archive-sql.php). Then it stages the uploads and loads the tables into staging tables, and
 * only then moves the uploads in and swaps the tables, so a failure up to there leaves the site as it was.
 * Last it rewrites URLs serialization-safely (the uploads URL first, then the caller's searchReplace pairs)
 * and reports the serialized values it had to leave alone. `includeDatabase: false` keeps the site's tables
 * (nothing is rewritten), `includeFiles: false` keeps its uploads; both default to true.
 */

defined( 'ABSPATH' ) || exit;

function bbws_import_site( WP_REST_Request $request ): array {
	global $wpdb;
	$site    = bbws_route_site( $request );
	$blog_id = (int) $site->blog_id;
	$body    = bbws_body( $request );
	$pairs   = isset( $body['searchReplace'] ) && is_array( $body['searchReplace'] ) ? $body['searchReplace'] : array();
	$with_db = bbws_import_part( $body, 'includeDatabase' );
	$with_fs = bbws_import_part( $body, 'includeFiles' );
	if ( ! $with_db && ! $with_fs ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'An import needs includeDatabase or includeFiles', 400, array( 'field' => 'includeDatabase' ) );
	}
	bbws_replacement_map( $pairs );
	$uploads = bbws_uploads_location( $blog_id );
	$prefix  = $wpdb->get_blog_prefix( $blog_id );
	$archive = bbws_download_verified( bbws_required_string( $body, 'downloadUrl' ), bbws_required_string( $body, 'sha256' ), 'downloadUrl' );
	try {
		$zip      = bbws_open_archive( $archive );
		$manifest = bbws_verified_manifest( $zip, $archive );
		bbws_assert_importable_tables( $manifest, $blog_id, $prefix );
		if ( $with_db ) {
			bbws_assert_archive_sql( $archive, $manifest );
		}
		$staging = $with_fs ? bbws_stage_uploads( $zip, $manifest ) : null;
		try {
			$swaps = $with_db ? bbws_stage_tables( $archive, $manifest, $prefix ) : array();
		} catch ( Throwable $error ) {
			$staging && bbws_remove_tree( $staging );
			throw $error;
		}
		$zip->close();
		try {
			$files = $staging ? bbws_install_staged_uploads( $staging, $blog_id, $uploads['basedir'] ) : 0;
		} catch ( Throwable $error ) {
			bbws_drop_staging_tables( $swaps );
			bbws_remove_tree( $staging );
			throw $error;
		}
		bbws_swap_tables( $swaps );
	} finally {
		@unlink( $archive );
	}
	$imported = $with_db ? $manifest['tables'] : array();
	if ( $with_db ) {
		bbws_rename_prefixed_options( $manifest['source']['tablePrefix'], $prefix );
	}
	wp_cache_flush();
	$map   = bbws_replacement_map( array_merge( array( array( 'from' => $manifest['source']['uploadsBaseUrl'], 'to' => $uploads['baseurl'] ) ), $pairs ) );
	$stats = bbws_replace_stats();
	foreach ( array_column( $imported, 'name' ) as $name ) {
		bbws_search_replace_table( $prefix . $name, $map, $stats );
	}
	wp_cache_flush();
	clean_blog_cache( $blog_id );
	return array(
		'blogId'               => $blog_id,
		'tables'               => count( $imported ),
		'rows'                 => array_sum( array_map( 'intval', array_column( $imported, 'rows' ) ) ),
		'files'                => $files,
		'rowsRewritten'        => $stats['rowsRewritten'],
		'unreadableSerialized' => $stats['unreadableSerialized'],
		'skippedObjects'       => $stats['skippedObjects'],
	);
}

/** An optional boolean part of the import (true when absent). */
function bbws_import_part( array $body, string $field ): bool {
	if ( ! array_key_exists( $field, $body ) ) {
		return true;
	}
	if ( ! is_bool( $body[ $field ] ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', "$field must be a boolean", 400, array( 'field' => $field ) );
	}
	return $body[ $field ];
}

function bbws_open_archive( string $archive ): ZipArchive {
	$zip = new ZipArchive();
	if ( true !== $zip->open( $archive ) ) {
		throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The archive is not a zip file', 422 );
	}
	return $zip;
}

/** The manifest, once every file it lists is in the archive with the listed sha256. */
function bbws_verified_manifest( ZipArchive $zip, string $archive ): array {
	$manifest = json_decode( (string) $zip->getFromName( 'manifest.json' ), true );
	if ( ! is_array( $manifest ) || BBWS_ARCHIVE_FORMAT !== ( $manifest['format'] ?? null ) || ! isset( $manifest['source']['tablePrefix'], $manifest['tables'], $manifest['uploads'] ) ) {
		throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The archive has no valid manifest', 422 );
	}
	$entries = array();
	foreach ( $manifest['tables'] as $table ) {
		if ( ! preg_match( '/^[A-Za-z0-9_]+$/', (string) ( $table['name'] ?? '' ) ) ) {
			throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The manifest names an invalid table', 422 );
		}
		$entries[ 'tables/' . $table['name'] . '.sql' ] = $table['sha256'] ?? '';
	}
	foreach ( $manifest['uploads'] as $upload ) {
		$path = (string) ( $upload['path'] ?? '' );
		if ( '' === $path || 0 === strpos( $path, '/' ) || preg_match( '#(^|/)\.\.(/|$)#', $path ) ) {
			throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The manifest names an invalid upload path', 422 );
		}
		$entries[ "uploads/$path" ] = $upload['sha256'] ?? '';
	}
	foreach ( $entries as $entry => $sha256 ) {
		if ( false === $zip->locateName( $entry ) || ! hash_equals( (string) $sha256, hash_file( 'sha256', "zip://$archive#$entry" ) ) ) {
			throw new Bbws_Agent_Error( 'bbws_archive_corrupt', "The archive entry $entry is missing or does not match the manifest", 422 );
		}
	}
	return $manifest;
}

/**
 * Refuses manifest tables that would land on a table the site does not own: the network's global tables,
 * other sites' tables (from the main site, whose prefix is theirs too), the agent's own tables.
 */
function bbws_assert_importable_tables( array $manifest, int $blog_id, string $prefix ): void {
	global $wpdb;
	$global = array_merge( array_values( $wpdb->tables( 'global', true ) ), array( bbws_nonce_table() ) );
	$names  = array_column( $manifest['tables'], 'name' );
	foreach ( $names as $name ) {
		$foreign = in_array( $prefix . $name, $global, true ) || ( is_main_site( $blog_id ) && preg_match( '/^\d+_/', $name ) ) || 0 === strpos( $name, 'bbws_import_' );
		if ( $foreign ) {
			throw new Bbws_Agent_Error( 'bbws_archive_invalid', "The archive's table $name is not a table of a site", 422 );
		}
	}
	if ( count( array_unique( $names ) ) !== count( $names ) ) {
		throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The manifest lists a table twice', 422 );
	}
}

/** Loads each table into a staging table (all dropped again if one fails); returns [staging, target] pairs. */
function bbws_stage_tables( string $archive, array $manifest, string $prefix ): array {
	$source = $manifest['source']['tablePrefix'];
	$swaps  = array();
	try {
		foreach ( $manifest['tables'] as $table ) {
			$staging = $prefix . 'bbws_import_' . substr( md5( $table['name'] ), 0, 8 );
			$swaps[] = array( $staging, $prefix . $table['name'] );
			bbws_load_table_sql( "zip://$archive#tables/{$table['name']}.sql", $source . $table['name'], $staging );
		}
	} catch ( Throwable $error ) {
		bbws_drop_staging_tables( $swaps );
		throw $error;
	}
	return $swaps;
}

function bbws_drop_staging_tables( array $swaps ): void {
	global $wpdb;
	foreach ( $swaps as list( $staging ) ) {
		mysqli_query( $wpdb->dbh, "DROP TABLE IF EXISTS `$staging`" );
	}
}

function bbws_swap_tables( array $swaps ): void {
	foreach ( $swaps as list( $staging, $target ) ) {
		bbws_sql( "DROP TABLE IF EXISTS `$target`" );
		bbws_sql( "RENAME TABLE `$staging` TO `$target`" );
	}
}

/** Options keyed by the table prefix (user roles) follow the site to its new prefix. */
function bbws_rename_prefixed_options( string $source_prefix, string $prefix ): void {
	global $wpdb;
	if ( $source_prefix !== $prefix ) {
		$wpdb->update( $prefix . 'options', array( 'option_name' => $prefix . 'user_roles' ), array( 'option_name' => $source_prefix . 'user_roles' ) );
	}
}
