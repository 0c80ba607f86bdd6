import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface AgentRequestToSign {
  method: string;
  /** The REST route, e.g. `/bbws/v1/sites/2/export` (what WordPress reports as the request's route). */
  route: string;
  body: string;
  /** Unix seconds. */
  timestamp: number;
  nonce?: string;
}

/**
 * The agent's authentication headers: HMAC-SHA256 keyed by the instance's agent secret over
 * `METHOD\nROUTE\nTIMESTAMP\nNONCE\nsha256(body)`. The agent rejects timestamps more than 5 minutes
 * off and nonces it has seen.
 */
export function signAgentRequest(secret: string, request: AgentRequestToSign): Record<string, string> {
  const nonce = request.nonce ?? randomBytes(16).toString('hex');
  const timestamp = String(Math.floor(request.timestamp));
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  const payload = [request.method.toUpperCase(), request.route, timestamp, nonce, bodyHash].join('\n');
  return {
    'x-bbws-timestamp': timestamp,
    'x-bbws-nonce': nonce,
    'x-bbws-signature': createHmac('sha256', secret).update(payload, 'utf8').digest('hex'),
  };
}
