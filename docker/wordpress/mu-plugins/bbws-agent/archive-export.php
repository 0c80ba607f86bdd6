<?php
/**
 * POST /sites/{id}/export: one zip holding the site's tables as SQL (tables/<name>.sql, one statement per
 * line), its uploads (uploads/...) and manifest.json (row counts and sha256 of every file), PUT to uploadUrl.
 */

defined( 'ABSPATH' ) || exit;

const BBWS_ARCHIVE_FORMAT = 'bbws-site-archive';
const BBWS_INSERT_BATCH_BYTES = 1048576;

function bbws_export_site( WP_REST_Request $request ): array {
	$site       = bbws_route_site( $request );
	$upload_url = bbws_assert_url( bbws_required_string( bbws_body( $request ), 'uploadUrl' ), 'uploadUrl' );
	$work       = bbws_work_dir();
	try {
		$archive  = "$work/site.zip";
		$manifest = bbws_build_archive( (int) $site->blog_id, $work, $archive );
		$sha256   = hash_file( 'sha256', $archive );
		$bytes    = filesize( $archive );
		bbws_upload_file( $archive, $upload_url );
	} finally {
		bbws_remove_tree( $work );
	}
	return array(
		'blogId'  => (int) $site->blog_id,
		'sha256'  => $sha256,
		'bytes'   => $bytes,
		'siteUrl' => $manifest['source']['siteUrl'],
		'home'    => $manifest['source']['home'],
		'tables'  => $manifest['tables'],
		'uploads' => array( 'files' => count( $manifest['uploads'] ), 'bytes' => array_sum( array_column( $manifest['uploads'], 'bytes' ) ) ),
	);
}

function bbws_build_archive( int $blog_id, string $work, string $archive ): array {
	global $wpdb;
	$zip = new ZipArchive();
	if ( true !== $zip->open( $archive, ZipArchive::CREATE | ZipArchive::OVERWRITE ) ) {
		throw new Bbws_Agent_Error( 'bbws_export_failed', 'Could not create the archive', 500 );
	}
	$manifest = bbws_in_blog(
		$blog_id,
		function () use ( $blog_id, $wpdb ) {
			return array(
				'format'    => BBWS_ARCHIVE_FORMAT,
				'version'   => 1,
				'createdAt' => gmdate( 'c' ),
				'source'    => array(
					'blogId'         => $blog_id,
					'siteUrl'        => get_option( 'siteurl' ),
					'home'           => get_option( 'home' ),
					'tablePrefix'    => $wpdb->get_blog_prefix( $blog_id ),
					'uploadsBaseUrl' => bbws_uploads_location( $blog_id )['baseurl'],
					'wpVersion'      => get_bloginfo( 'version' ),
				),
				'tables'    => array(),
				'uploads'   => array(),
			);
		}
	);
	foreach ( bbws_site_tables( $blog_id ) as $table => $name ) {
		$file                 = "$work/$name.sql";
		$rows                 = bbws_dump_table( $table, $file );
		$manifest['tables'][] = array( 'name' => $name, 'rows' => $rows, 'bytes' => filesize( $file ), 'sha256' => hash_file( 'sha256', $file ) );
		$zip->addFile( $file, "tables/$name.sql" );
	}
	foreach ( bbws_site_upload_files( $blog_id ) as $relative => $path ) {
		$manifest['uploads'][] = array( 'path' => $relative, 'bytes' => filesize( $path ), 'sha256' => hash_file( 'sha256', $path ) );
		$zip->addFile( $path, "uploads/$relative" );
		$zip->setCompressionName( "uploads/$relative", ZipArchive::CM_STORE );
	}
	$zip->addFromString( 'manifest.json', wp_json_encode( $manifest, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
	if ( ! $zip->close() ) {
		throw new Bbws_Agent_Error( 'bbws_export_failed', 'Could not write the archive', 500 );
	}
	return $manifest;
}

/** Full table name => name without the blog prefix, for every table of the blog (plugin tables too). */
function bbws_site_tables( int $blog_id ): array {
	global $wpdb;
	$prefix = $wpdb->get_blog_prefix( $blog_id );
	$global = array_values( $wpdb->tables( 'global', true ) );
	$tables = array();
	foreach ( $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $prefix ) . '%' ) ) as $table ) {
		$name = substr( $table, strlen( $prefix ) );
		$is_other_blog = is_main_site( $blog_id ) && preg_match( '/^\d+_/', $name );
		if ( ! in_array( $table, $global, true ) && ! $is_other_blog && bbws_nonce_table() !== $table ) {
			$tables[ $table ] = $name;
		}
	}
	return $tables;
}

/** Writes CREATE TABLE and batched INSERTs, one statement per line; returns the row count. */
function bbws_dump_table( string $table, string $file ): int {
	global $wpdb;
	$db     = $wpdb->dbh;
	$out    = fopen( $file, 'wb' );
	$create = mysqli_query( $db, "SHOW CREATE TABLE `$table`" )->fetch_row()[1];
	fwrite( $out, str_replace( array( "\r", "\n" ), ' ', $create ) . ";\n" );
	$result  = mysqli_query( $db, "SELECT * FROM `$table`", MYSQLI_USE_RESULT );
	$columns = implode( ',', array_map( function ( $field ) { return "`$field->name`"; }, $result->fetch_fields() ) );
	$head    = "INSERT INTO `$table` ($columns) VALUES ";
	$batch   = array();
	$size    = 0;
	$rows    = 0;
	while ( $row = $result->fetch_row() ) {
		$values = array();
		foreach ( $row as $value ) {
			$values[] = null === $value ? 'NULL' : "'" . mysqli_real_escape_string( $db, $value ) . "'";
		}
		$tuple   = '(' . implode( ',', $values ) . ')';
		$batch[] = $tuple;
		$size   += strlen( $tuple );
		$rows++;
		if ( $size >= BBWS_INSERT_BATCH_BYTES ) {
			fwrite( $out, $head . implode( ',', $batch ) . ";\n" );
			$batch = array();
			$size  = 0;
		}
	}
	if ( $batch ) {
		fwrite( $out, $head . implode( ',', $batch ) . ";\n" );
	}
	$result->free();
	fclose( $out );
	return $rows;
}

/** Relative path => absolute path of every file in the blog's uploads (the main site skips sites/). */
function bbws_site_upload_files( int $blog_id ): array {
	$base  = bbws_uploads_location( $blog_id )['basedir'];
	$files = array();
	if ( ! is_dir( $base ) ) {
		return $files;
	}
	$iterator = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $base, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $iterator as $item ) {
		$relative = ltrim( substr( $item->getPathname(), strlen( $base ) ), '/' );
		if ( $item->isFile() && ! ( is_main_site( $blog_id ) && is_multisite() && 0 === strpos( $relative, 'sites/' ) ) ) {
			$files[ $relative ] = $item->getPathname();
		}
	}
	ksort( $files );
	return $files;
}
