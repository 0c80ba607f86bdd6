import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface AgentRequestToSign {
  method: string;
  /** The REST route, e.g. `/bbws/v1/sites/2/export` (what WordPress reports as the request's route). */
  route: string;
  /** Query parameters sent besides `rest_route` (signed too: WordPress lets them override route values). */
  query?: Record<string, string>;
  body: string;
  /** Unix seconds. */
  timestamp: number;
  nonce?: string;
}

/** RFC 3986 percent-encoding, as PHP's rawurlencode() does it. */
function rawUrlEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The query string as the agent signs it: every parameter but `rest_route` (the route is signed on its
 * own line), `name=value` percent-encoded per RFC 3986, sorted, joined with `&`; empty without any.
 */
export function canonicalAgentQuery(query: Record<string, string> = {}): string {
  return Object.entries(query)
    .filter(([name]) => name !== 'rest_route')
    .map(([name, value]) => `${rawUrlEncode(name)}=${rawUrlEncode(value)}`)
    .sort()
    .join('&');
}

/**
 * The agent's authentication headers: HMAC-SHA256 keyed by the instance's agent secret over
 * `METHOD\nROUTE\nCANONICAL_QUERY\nTIMESTAMP\nNONCE\nsha256(body)` (docker/wordpress/mu-plugins/
 * bbws-agent/auth.php verifies it). The agent rejects timestamps more than 5 minutes off and nonces it
 * has seen.
 */
export function signAgentRequest(secret: string, request: AgentRequestToSign): Record<string, string> {
  const nonce = request.nonce ?? randomBytes(16).toString('hex');
  const timestamp = String(Math.floor(request.timestamp));
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  const payload = [
    request.method.toUpperCase(),
    request.route,
    canonicalAgentQuery(request.query),
    timestamp,
    nonce,
    bodyHash,
  ].join('\n');
  return {
    'x-bbws-timestamp': timestamp,
    'x-bbws-nonce': nonce,
    'x-bbws-signature': createHmac('sha256', secret).update(payload, 'utf8').digest('hex'),
  };
}
