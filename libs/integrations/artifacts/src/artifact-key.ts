import { InvalidArtifactKeyError } from './artifact.errors';

const MAX_KEY_BYTES = 1024;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * A key the store accepts: 1-1024 UTF-8 bytes, relative (no leading `/`), no `.`/`..` or empty
 * segments, no control characters or backslashes. Throws `InvalidArtifactKeyError`.
 */
export function assertArtifactKey(key: string, field = 'key'): void {
  assertPath(key, field, { allowEmpty: false });
  if (key.endsWith('/')) throw new InvalidArtifactKeyError(field, key, 'must not end with "/"');
}

/** A listing prefix: like a key, but may be empty or end with `/`. */
export function assertArtifactPrefix(prefix: string, field = 'prefix'): void {
  assertPath(prefix, field, { allowEmpty: true });
}

/** A prefix to delete under: non-empty and ending with `/`, so `tenants/a/` never reaches `tenants/ab/`. */
export function assertDeletablePrefix(prefix: string, field = 'prefix'): void {
  assertPath(prefix, field, { allowEmpty: false });
  if (!prefix.endsWith('/')) throw new InvalidArtifactKeyError(field, prefix, 'must end with "/"');
}

function assertPath(value: string, field: string, { allowEmpty }: { allowEmpty: boolean }): void {
  if (typeof value !== 'string') throw new InvalidArtifactKeyError(field, String(value), 'must be a string');
  if (value === '') {
    if (allowEmpty) return;
    throw new InvalidArtifactKeyError(field, value, 'must not be empty');
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES)
    throw new InvalidArtifactKeyError(field, value, `must be at most ${MAX_KEY_BYTES} bytes`);
  if (value.startsWith('/')) throw new InvalidArtifactKeyError(field, value, 'must not start with "/"');
  if (CONTROL_CHARACTERS.test(value) || value.includes('\\'))
    throw new InvalidArtifactKeyError(field, value, 'must not contain control characters or "\\"');
  const segments = value.split('/');
  // A trailing "/" (allowed in prefixes) leaves an empty last segment: the callers judge it.
  if (segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '..' || segment === '.')
      throw new InvalidArtifactKeyError(field, value, 'must not contain "." or ".." segments');
    if (segment === '')
      throw new InvalidArtifactKeyError(field, value, 'must not contain empty segments ("//")');
  }
}
