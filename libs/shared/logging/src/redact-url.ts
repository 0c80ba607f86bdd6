/** `/v1.0/invitations/{token}...` in any spelling a client may send (case, repeated or encoded slashes). */
const TOKEN_IN_PATH = /^((?:\/|%2f)+v1\.0(?:\/|%2f)+invitations[^/?#]*?(?:\/|%2f)+)[^/?#]+/i;
const SECRET_IN_QUERY = /([?&](?:token|secret|password|code)=)[^&#]*/gi;

/**
 * The URL as it may be logged: path segments and query values that carry secrets replaced. Works on
 * the raw URL whether or not a route matched it, so unmatched methods and paths are covered too.
 */
export function redactUrl(url: string): string {
  return redact(decodeSafely(url));
}

function redact(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[redacted]').replace(SECRET_IN_QUERY, '$1[redacted]');
}

/** Percent-decoded where well-formed (a malformed sequence elsewhere must not stop the redaction). */
function decodeSafely(url: string): string {
  return url.replace(/(?:%[0-9a-f]{2})+/gi, (sequence) => {
    try {
      return decodeURIComponent(sequence);
    } catch {
      return sequence;
    }
  });
}
