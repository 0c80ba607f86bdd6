<?php
/**
 * An import's uploads: first copied out of the archive into a staging folder next to wp-content/uploads
 * (a failure there leaves the site untouched), then moved in place of the site's files once its tables
 * are staged too.
 */

defined( 'ABSPATH' ) || exit;

/** Copies every upload of the archive into a fresh staging folder and returns it; removes it on failure. */
function bbws_stage_uploads( ZipArchive $zip, array $manifest ): string {
	$staging = trailingslashit( WP_CONTENT_DIR ) . 'bbws-import-' . wp_generate_password( 12, false );
	if ( ! wp_mkdir_p( $staging ) ) {
		throw new Bbws_Agent_Error( 'bbws_import_failed', "Could not create the staging folder $staging", 500 );
	}
	try {
		foreach ( $manifest['uploads'] as $upload ) {
			$target = "$staging/{$upload['path']}";
			if ( ! wp_mkdir_p( dirname( $target ) ) || ! @copy( 'zip://' . $zip->filename . '#uploads/' . $upload['path'], $target ) ) {
				$reason = error_get_last()['message'] ?? 'unknown';
				throw new Bbws_Agent_Error( 'bbws_import_failed', "Could not stage the upload {$upload['path']}: $reason", 500 );
			}
		}
	} catch ( Throwable $error ) {
		bbws_remove_tree( $staging );
		throw $error;
	}
	return $staging;
}

/** Replaces the blog's uploads with the staged ones (removing the staging folder); returns the files moved in. */
function bbws_install_staged_uploads( string $staging, int $blog_id, string $base ): int {
	foreach ( bbws_site_upload_files( $blog_id ) as $path ) {
		unlink( $path );
	}
	$moved = 0;
	$files = iterator_to_array( new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $staging, FilesystemIterator::SKIP_DOTS ) ) );
	foreach ( array_keys( $files ) as $from ) {
		if ( ! is_file( $from ) ) {
			continue;
		}
		$target = $base . substr( $from, strlen( $staging ) );
		wp_mkdir_p( dirname( $target ) );
		if ( ! @rename( $from, $target ) && ! ( @copy( $from, $target ) && unlink( $from ) ) ) {
			throw new Bbws_Agent_Error( 'bbws_import_failed', "Could not move the staged upload to $target", 500 );
		}
		$moved++;
	}
	bbws_remove_tree( $staging );
	return $moved;
}
