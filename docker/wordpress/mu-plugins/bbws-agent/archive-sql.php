<?php
/**
 * The SQL of an archive's tables, parsed strictly before anything runs: a table's file may hold only the
 * export's own statements for that table, one per line: `CREATE TABLE `<source prefix><name>` (...)` with
 * plain table options, and `INSERT INTO `<source prefix><name>` (`col`,...) VALUES ('...'|NULL,...),...;`.
 * Anything else (another statement, another table, a SELECT, a second statement) rejects the archive.
 */

defined( 'ABSPATH' ) || exit;

const BBWS_TABLE_OPTION = "(?:DEFAULT\s+)?(?:ENGINE|AUTO_INCREMENT|CHARSET|CHARACTER SET|COLLATE|ROW_FORMAT|COMMENT|PAGE_CHECKSUM|TRANSACTIONAL|CHECKSUM|KEY_BLOCK_SIZE|STATS_PERSISTENT|STATS_AUTO_RECALC|STATS_SAMPLE_PAGES)=(?:'(?:[^'\\\\]|\\\\.|'')*'|\w+)";

/** Rejects the archive unless every statement of every table file parses. */
function bbws_assert_archive_sql( string $archive, array $manifest ): void {
	$source = $manifest['source']['tablePrefix'];
	foreach ( $manifest['tables'] as $table ) {
		bbws_each_statement(
			"zip://$archive#tables/{$table['name']}.sql",
			function ( string $statement ) use ( $source, $table ) {
				bbws_assert_dump_statement( $statement, $source . $table['name'] );
			}
		);
	}
}

function bbws_each_statement( string $path, callable $fn ): void {
	$in = fopen( $path, 'rb' );
	if ( false === $in ) {
		throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The archive misses a table file', 422 );
	}
	try {
		while ( false !== ( $line = fgets( $in ) ) ) {
			$statement = rtrim( $line, "\r\n" );
			if ( '' !== $statement ) {
				$fn( $statement );
			}
		}
	} finally {
		fclose( $in );
	}
}

function bbws_assert_dump_statement( string $statement, string $table ): void {
	$create = "CREATE TABLE `$table` (";
	$insert = '/^INSERT INTO `' . preg_quote( $table, '/' ) . '` \((`[^`]+`(?:,`[^`]+`)*)\) VALUES /';
	if ( 0 === strpos( $statement, $create ) ) {
		$end = bbws_skip_parenthesized( $statement, strlen( $create ) - 1 );
		if ( preg_match( '/^(?:\s+' . BBWS_TABLE_OPTION . ')*;$/', substr( $statement, $end ) ) ) {
			return;
		}
	} elseif ( preg_match( $insert, $statement, $match ) && bbws_is_values_list( $statement, strlen( $match[0] ) ) ) {
		return;
	}
	throw new Bbws_Agent_Error( 'bbws_archive_invalid', "The archive's dump of $table holds a statement other than its own CREATE TABLE or INSERT ... VALUES", 422 );
}

/** The offset after the parenthesis that closes the one at $pos (quoted text skipped); fails when unbalanced. */
function bbws_skip_parenthesized( string $sql, int $pos ): int {
	$depth = 0;
	$len   = strlen( $sql );
	while ( $pos < $len ) {
		$pos += strcspn( $sql, "()'\"`", $pos );
		$char = $sql[ $pos ] ?? '';
		if ( '(' === $char || ')' === $char ) {
			$depth += '(' === $char ? 1 : -1;
			$pos++;
			if ( 0 === $depth ) {
				return $pos;
			}
		} elseif ( '' !== $char ) {
			$pos = bbws_skip_quoted( $sql, $pos );
		}
	}
	throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The archive holds an unbalanced CREATE TABLE', 422 );
}

/** The offset after the quoted literal (or identifier) opening at $pos; backslash escapes and doubled quotes as MySQL reads them. */
function bbws_skip_quoted( string $sql, int $pos ): int {
	$quote = $sql[ $pos ];
	$len   = strlen( $sql );
	$pos++;
	while ( true ) {
		$pos += strcspn( $sql, $quote . '\\', $pos );
		if ( $pos >= $len ) {
			throw new Bbws_Agent_Error( 'bbws_archive_invalid', 'The archive holds an unterminated string', 422 );
		}
		if ( '\\' === $sql[ $pos ] && '`' !== $quote ) {
			$pos += 2;
		} elseif ( ( $sql[ $pos + 1 ] ?? '' ) === $quote ) {
			$pos += 2;
		} else {
			return $pos + 1;
		}
	}
}

/** Whether $sql from $pos is `(v,...),(v,...);` to its end, each v a quoted string or NULL. */
function bbws_is_values_list( string $sql, int $pos ): bool {
	$len = strlen( $sql );
	while ( '(' === ( $sql[ $pos ] ?? '' ) ) {
		$pos++;
		do {
			if ( 'NULL' === substr( $sql, $pos, 4 ) ) {
				$pos += 4;
			} elseif ( "'" === ( $sql[ $pos ] ?? '' ) ) {
				$pos = bbws_skip_quoted( $sql, $pos );
			} else {
				return false;
			}
			$separator = $sql[ $pos++ ] ?? '';
		} while ( ',' === $separator );
		if ( ')' !== $separator ) {
			return false;
		}
		$next = $sql[ $pos++ ] ?? '';
		if ( ';' === $next ) {
			return $pos === $len;
		}
		if ( ',' !== $next ) {
			return false;
		}
	}
	return false;
}

/** Runs a table's SQL file (already checked), each statement's table name ($from) replaced by $to. */
function bbws_load_table_sql( string $path, string $from, string $to ): void {
	bbws_sql( "DROP TABLE IF EXISTS `$to`" );
	bbws_each_statement(
		$path,
		function ( string $statement ) use ( $from, $to ) {
			foreach ( array( 'CREATE TABLE ', 'INSERT INTO ' ) as $verb ) {
				if ( 0 === strpos( $statement, "$verb`$from` " ) ) {
					bbws_sql( "$verb`$to` " . substr( $statement, strlen( "$verb`$from` " ) ) );
					return;
				}
			}
			throw new Bbws_Agent_Error( 'bbws_archive_invalid', "Unexpected statement in the dump of $from", 422 );
		}
	);
}

function bbws_sql( string $statement ): void {
	global $wpdb;
	if ( ! mysqli_query( $wpdb->dbh, $statement ) ) {
		throw new Bbws_Agent_Error( 'bbws_import_failed', 'SQL error: ' . mysqli_error( $wpdb->dbh ), 500 );
	}
}
