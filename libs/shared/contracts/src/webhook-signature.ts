import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-BBWS-Signature';
export const TIMESTAMP_HEADER = 'X-BBWS-Timestamp';
export const EVENT_HEADER = 'X-BBWS-Event';
export const DELIVERY_HEADER = 'X-BBWS-Delivery';

/** `sha256=<hex HMAC-SHA256 of "{timestamp}.{body}">` with the subscription's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature over the raw body, compare in constant time, and
 * refuse stale timestamps (replays). Exported for receivers written in TypeScript and for tests.
 */
export function verifyWebhookSignature(
  secret: string,
  header: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  options: { nowSeconds?: number; toleranceSeconds?: number } = {},
): boolean {
  const timestamp = Number(header.timestamp);
  if (!header.signature || !Number.isInteger(timestamp)) return false;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
