/** Core reads headers from the first 8 KiB of a file only (`get_file_data`). */
export const HEADER_BYTES = 8 * 1024;

// PHP trim()'s characters.
// eslint-disable-next-line no-control-regex
const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/**
 * WordPress's `get_file_data` on the first {@link HEADER_BYTES} of a file: for each name, the first
 * line of the form `[<?php][ \t/*#@]*Name: value` (name case-insensitive), the value up to the end
 * of the line with a closing `*\/` or `?>` and what follows cut off, trimmed. Missing or empty
 * (core treats "0" as empty too) → null.
 */
export function readFileHeaders<const N extends string>(
  head: string,
  names: readonly N[],
): Record<N, string | null> {
  const text = head.replace(/\r/g, '\n');
  const headers = {} as Record<N, string | null>;
  for (const name of names) {
    const pattern = new RegExp(`^(?:[ \\t]*<\\?php)?[ \\t/*#@]*${escapeRegExp(name)}:(.*)$`, 'mi');
    const raw = pattern.exec(text)?.[1];
    headers[name] = raw && raw !== '0' ? cleanupHeaderComment(raw) || null : null;
  }
  return headers;
}

/** Core's `_cleanup_header_comment`. */
function cleanupHeaderComment(value: string): string {
  return value.replace(/\s*(?:\*\/|\?>).*/, '').replace(PHP_TRIM, '');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
