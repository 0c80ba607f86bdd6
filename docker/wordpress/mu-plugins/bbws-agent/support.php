<?php
/** Shared helpers: the agent's error type, the route wrapper, blog switching and transfers. */

defined( 'ABSPATH' ) || exit;

/** An error the agent answers with: a stable code, an HTTP status and optional details. */
class Bbws_Agent_Error extends Exception {
	public $error_code;
	public $status;
	public $details;

	public function __construct( string $error_code, string $message, int $status = 400, array $details = array() ) {
		parent::__construct( $message );
		$this->error_code = $error_code;
		$this->status     = $status;
		$this->details    = $details;
	}
}

const BBWS_INTERNAL_ERROR_MESSAGE = 'The agent could not complete the request; the details are in the instance log';

/**
 * Wraps a handler so thrown agent errors become REST errors and results become JSON responses. Server-side
 * failures (5xx) answer with their code and a generic message only; what went wrong goes to PHP's error log.
 */
function bbws_route( callable $handler ): callable {
	return function ( WP_REST_Request $request ) use ( $handler ) {
		try {
			$result = $handler( $request );
			return $result instanceof WP_REST_Response ? $result : new WP_REST_Response( $result, 200 );
		} catch ( Bbws_Agent_Error $error ) {
			if ( $error->status >= 500 ) {
				return bbws_internal_error( $error, $error->error_code, $error->status );
			}
			return new WP_Error( $error->error_code, $error->getMessage(), array_merge( $error->details, array( 'status' => $error->status ) ) );
		} catch ( Throwable $error ) {
			return bbws_internal_error( $error );
		}
	};
}

/** Logs $error with its details and returns the answer the caller gets: the code and a generic message. */
function bbws_internal_error( Throwable $error, string $code = 'bbws_internal_error', int $status = 500 ): WP_Error {
	$details = $error instanceof Bbws_Agent_Error && $error->details ? ' ' . wp_json_encode( $error->details ) : '';
	error_log( "bbws-agent: $code: " . $error->getMessage() . $details . ' at ' . $error->getFile() . ':' . $error->getLine() );
	return new WP_Error( $code, BBWS_INTERNAL_ERROR_MESSAGE, array( 'status' => $status ) );
}

/** A value from the route's path. Never $request[...]: WordPress lets the query string and body override it. */
function bbws_route_param( WP_REST_Request $request, string $name ): string {
	$params = $request->get_url_params();
	return isset( $params[ $name ] ) && is_scalar( $params[ $name ] ) ? (string) $params[ $name ] : '';
}

/** The site named by the route's {blogId}, or a 404. */
function bbws_route_site( WP_REST_Request $request ): WP_Site {
	return bbws_require_site( (int) bbws_route_param( $request, 'blogId' ) );
}

function bbws_body( WP_REST_Request $request ): array {
	$body = $request->get_json_params();
	return is_array( $body ) ? $body : array();
}

function bbws_required_string( array $body, string $field ): string {
	if ( ! isset( $body[ $field ] ) || ! is_string( $body[ $field ] ) || '' === trim( $body[ $field ] ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', "$field is required", 400, array( 'field' => $field ) );
	}
	return trim( $body[ $field ] );
}

function bbws_optional_string( array $body, string $field ): ?string {
	if ( ! array_key_exists( $field, $body ) || null === $body[ $field ] ) {
		return null;
	}
	if ( ! is_string( $body[ $field ] ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', "$field must be a string", 400, array( 'field' => $field ) );
	}
	return $body[ $field ];
}

/** The blog, or a 404 when the network has no such site. */
function bbws_require_site( int $blog_id ): WP_Site {
	$site = get_site( $blog_id );
	if ( ! $site ) {
		throw new Bbws_Agent_Error( 'bbws_site_not_found', "Site $blog_id does not exist", 404 );
	}
	return $site;
}

/** Runs $fn with $blog_id as the current blog. */
function bbws_in_blog( int $blog_id, callable $fn ) {
	switch_to_blog( $blog_id );
	try {
		return $fn();
	} finally {
		restore_current_blog();
	}
}

function bbws_load_admin_includes(): void {
	require_once ABSPATH . 'wp-admin/includes/file.php';
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	require_once ABSPATH . 'wp-admin/includes/theme.php';
	require_once ABSPATH . 'wp-admin/includes/misc.php';
	require_once ABSPATH . 'wp-admin/includes/ms.php';
	require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
}

function bbws_filesystem_method(): string {
	return 'direct';
}

function bbws_assert_sha256( string $sha256 ): string {
	$sha256 = strtolower( $sha256 );
	if ( ! preg_match( '/^[a-f0-9]{64}$/', $sha256 ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', 'sha256 must be 64 hexadecimal characters', 400, array( 'field' => 'sha256' ) );
	}
	return $sha256;
}

function bbws_assert_url( string $url, string $field ): string {
	if ( ! preg_match( '#^https?://#i', $url ) || false === wp_parse_url( $url ) ) {
		throw new Bbws_Agent_Error( 'bbws_invalid_request', "$field must be an http(s) URL", 400, array( 'field' => $field ) );
	}
	return $url;
}

/**
 * Downloads $url into a temporary file and returns its path once its sha256 matches; on a mismatch the
 * file is removed and nothing else happens. Not wp_safe_remote_get: the platform's artifact store may
 * be on the internal network, and the URL comes from an authenticated caller.
 */
function bbws_download_verified( string $url, string $sha256, string $field = 'packageUrl' ): string {
	bbws_load_admin_includes();
	$expected = bbws_assert_sha256( $sha256 );
	$file     = wp_tempnam( 'bbws-download' );
	$response = wp_remote_get(
		bbws_assert_url( $url, $field ),
		array( 'timeout' => 600, 'stream' => true, 'filename' => $file )
	);
	$code = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
	if ( 200 !== $code ) {
		@unlink( $file );
		if ( $code >= 400 && $code < 500 ) {
			// The store refused this URL (missing object, expired or wrong signature): asking again cannot help.
			throw new Bbws_Agent_Error( 'bbws_package_unavailable', "The artifact store refused $field: HTTP $code", 422, array( 'storeStatus' => $code ) );
		}
		$reason = is_wp_error( $response ) ? $response->get_error_message() : "HTTP $code";
		throw new Bbws_Agent_Error( 'bbws_download_failed', "Could not download $field: $reason", 502 );
	}
	$actual = hash_file( 'sha256', $file );
	if ( ! hash_equals( $expected, $actual ) ) {
		@unlink( $file );
		throw new Bbws_Agent_Error( 'bbws_checksum_mismatch', "The downloaded file's sha256 does not match", 422, array( 'expected' => $expected, 'actual' => $actual ) );
	}
	return $file;
}

/** Streams a file to $url with PUT (a presigned URL of the artifact store). */
function bbws_upload_file( string $file, string $url ): void {
	if ( ! function_exists( 'curl_init' ) ) {
		throw new Bbws_Agent_Error( 'bbws_upload_failed', 'The PHP curl extension is required to upload archives', 500 );
	}
	$handle = fopen( $file, 'rb' );
	$curl   = curl_init( bbws_assert_url( $url, 'uploadUrl' ) );
	curl_setopt_array(
		$curl,
		array(
			CURLOPT_UPLOAD         => true,
			CURLOPT_INFILE         => $handle,
			CURLOPT_INFILESIZE     => filesize( $file ),
			CURLOPT_HTTPHEADER     => array( 'Content-Type: application/zip', 'Expect:' ),
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_TIMEOUT        => 900,
		)
	);
	curl_exec( $curl );
	$status = (int) curl_getinfo( $curl, CURLINFO_RESPONSE_CODE );
	$error  = curl_error( $curl );
	curl_close( $curl );
	fclose( $handle );
	if ( $status < 200 || $status >= 300 ) {
		throw new Bbws_Agent_Error( 'bbws_upload_failed', 'Could not upload the archive: ' . ( $error ? $error : "HTTP $status" ), 502 );
	}
}

/** A fresh private working directory, removed by bbws_remove_tree(). */
function bbws_work_dir(): string {
	$dir = trailingslashit( get_temp_dir() ) . 'bbws-' . wp_generate_password( 12, false );
	if ( ! wp_mkdir_p( $dir ) ) {
		throw new Bbws_Agent_Error( 'bbws_internal_error', 'Could not create a working directory', 500 );
	}
	return $dir;
}

function bbws_remove_tree( string $dir ): void {
	if ( ! is_dir( $dir ) ) {
		return;
	}
	$items = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
	foreach ( $items as $item ) {
		$item->isDir() && ! $item->isLink() ? rmdir( $item->getPathname() ) : unlink( $item->getPathname() );
	}
	rmdir( $dir );
}

/** Checks that a zip holds $entry before anything is installed from it. */
function bbws_assert_zip_contains( string $file, string $entry, string $what ): void {
	$zip = new ZipArchive();
	if ( true !== $zip->open( $file ) ) {
		throw new Bbws_Agent_Error( 'bbws_package_invalid', 'The package is not a zip archive', 422 );
	}
	$found = false !== $zip->locateName( $entry );
	$zip->close();
	if ( ! $found ) {
		throw new Bbws_Agent_Error( 'bbws_package_invalid', "The package does not contain $what ($entry)", 422 );
	}
}

/**
 * The blog's uploads directory and URL. After switch_to_blog(), wp_upload_dir() builds the URL from
 * WP_CONTENT_URL, which holds the host of the site that served the request; use the blog's own host.
 */
function bbws_uploads_location( int $blog_id ): array {
	return bbws_in_blog(
		$blog_id,
		function () {
			$uploads = wp_upload_dir( null, false );
			$baseurl = $uploads['baseurl'];
			if ( 0 === strpos( $baseurl, WP_CONTENT_URL ) ) {
				$content = untrailingslashit( get_option( 'siteurl' ) ) . (string) wp_parse_url( WP_CONTENT_URL, PHP_URL_PATH );
				$baseurl = $content . substr( $baseurl, strlen( WP_CONTENT_URL ) );
			}
			return array( 'basedir' => $uploads['basedir'], 'baseurl' => $baseurl );
		}
	);
}
