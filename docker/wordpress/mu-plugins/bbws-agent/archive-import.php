<?php
/**
 * POST /sites/{id}/import: downloads an archive made by the export route, verifies its sha256 and every
 * file against the manifest before touching the site, loads the tables into staging tables and swaps them
 * in, restores the uploads, then rewrites URLs serialization-safely (the uploads URL first, then the
 * caller's searchReplace pairs).
 */

defined( 'ABSPATH' ) || exit;

function bbws_import_site( WP_REST_Request $request ): array {
	global $wpdb;
	$site    = bbws_route_site( $request );
	$blog_id = (int) $site->blog_id;
	$body    = bbws_body( $request );
	$pairs   = isset( $body['searchReplace'] ) && is_array( $body['searchReplace'] ) ? $body['searchReplace'] : array();
	bbws_replacement_map( $pairs );
	$uploads = bbws_uploads_location( $blog_id );
	$archive = bbws_download_verified( bbws_required_string( $body, 'downloadUrl' ), bbws_required_string( $body, 'sha256' ), 'downloadUrl' );
	try {
		$zip      = bbws_open_archive( $archive );
		$manifest = bbws_verified_manifest( $zip, $archive );
		$prefix   = $wpdb->get_blog_prefix( $blog_id );
		$rows     = bbws_restore_tables( $archive, $manifest, $prefix );
		$files    = bbws_restore_uploads( $zip, $manifest, $blog_id, $uploads['basedir'] );
		$zip->close();
	} finally {
		@unlink( $archive );
	}
	bbws_rename_prefixed_options( $manifest['source']['tablePrefix'], $prefix );
	wp_cache_flush();
	$map      = bbws_replacement_map( array_merge( array( array( 'from' => $manifest['source']['uploadsBaseUrl'], 'to' => $uploads['baseurl'] ) ), $pairs ) );
	$replaced = 0;
	foreach ( array_column( $manifest['tables'], 'name' ) as $name ) {
		$replaced += bbws_search_replace_table( $prefix . $name, $map );
	}
	wp_cache_flush();
	clean_blog_cache( $blog_id );
	return array( 'blogId' => $blog_id, 'tables' => count( $manifest['tables'] ), 'rows' => $rows, 'files' => $files, 'rowsRewritten' => $replaced );
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
 * Loads each table into a staging table (dropped again if any fails, leaving the site as it was), then
 * swaps all of them in; returns the rows loaded.
 */
function bbws_restore_tables( string $archive, array $manifest, string $prefix ): int {
	global $wpdb;
	$source = $manifest['source']['tablePrefix'];
	$rows   = 0;
	$swaps  = array();
	try {
		foreach ( $manifest['tables'] as $table ) {
			$staging = $prefix . 'bbws_import_' . substr( md5( $table['name'] ), 0, 8 );
			$swaps[] = array( $staging, $prefix . $table['name'] );
			bbws_load_table_sql( "zip://$archive#tables/{$table['name']}.sql", $source . $table['name'], $staging );
			$rows += (int) $table['rows'];
		}
	} catch ( Bbws_Agent_Error $error ) {
		foreach ( $swaps as list( $staging ) ) {
			mysqli_query( $wpdb->dbh, "DROP TABLE IF EXISTS `$staging`" );
		}
		throw $error;
	}
	foreach ( $swaps as list( $staging, $target ) ) {
		bbws_sql( "DROP TABLE IF EXISTS `$target`" );
		bbws_sql( "RENAME TABLE `$staging` TO `$target`" );
	}
	return $rows;
}

/** Runs a table's SQL file, each statement's table name ($from) replaced by $to. */
function bbws_load_table_sql( string $path, string $from, string $to ): void {
	bbws_sql( "DROP TABLE IF EXISTS `$to`" );
	$in = fopen( $path, 'rb' );
	try {
		while ( false !== ( $line = fgets( $in ) ) ) {
			$statement = rtrim( $line, "\r\n" );
			if ( '' !== $statement ) {
				bbws_sql( bbws_retarget_statement( $statement, $from, $to ) );
			}
		}
	} finally {
		fclose( $in );
	}
}

/** The statement with its table name replaced; only the dump's own CREATE TABLE and INSERT INTO lines are accepted. */
function bbws_retarget_statement( string $statement, string $from, string $to ): string {
	foreach ( array( 'CREATE TABLE ', 'INSERT INTO ' ) as $verb ) {
		if ( 0 === strpos( $statement, "$verb`$from` " ) ) {
			return "$verb`$to` " . substr( $statement, strlen( "$verb`$from` " ) );
		}
	}
	throw new Bbws_Agent_Error( 'bbws_archive_invalid', "Unexpected statement in the dump of $from", 422 );
}

function bbws_sql( string $statement ): void {
	global $wpdb;
	if ( ! mysqli_query( $wpdb->dbh, $statement ) ) {
		throw new Bbws_Agent_Error( 'bbws_import_failed', 'SQL error: ' . mysqli_error( $wpdb->dbh ), 500 );
	}
}

/** Replaces the blog's uploads with the archive's; returns the number of files written. */
function bbws_restore_uploads( ZipArchive $zip, array $manifest, int $blog_id, string $base ): int {
	foreach ( bbws_site_upload_files( $blog_id ) as $path ) {
		unlink( $path );
	}
	foreach ( $manifest['uploads'] as $upload ) {
		$target = "$base/{$upload['path']}";
		wp_mkdir_p( dirname( $target ) );
		if ( ! copy( 'zip://' . $zip->filename . '#uploads/' . $upload['path'], $target ) ) {
			throw new Bbws_Agent_Error( 'bbws_import_failed', "Could not restore the upload {$upload['path']}", 500 );
		}
	}
	return count( $manifest['uploads'] );
}

/** Options keyed by the table prefix (user roles) follow the site to its new prefix. */
function bbws_rename_prefixed_options( string $source_prefix, string $prefix ): void {
	global $wpdb;
	if ( $source_prefix !== $prefix ) {
		$wpdb->update( $prefix . 'options', array( 'option_name' => $prefix . 'user_roles' ), array( 'option_name' => $source_prefix . 'user_roles' ) );
	}
}
