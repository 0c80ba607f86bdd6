import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
} from '@bbws/shared-contracts';
import { guardedLookup, type WebhookTargetPolicy } from './webhook-target.guard';

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The exact JSON that is signed and sent. */
  body: string;
  eventType: string;
  deliveryId: string;
  timestampSeconds: number;
  timeoutMs: number;
  policy: WebhookTargetPolicy;
}

export interface WebhookResponse {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const MAX_RESPONSE_BYTES = 1024;

/**
 * One signed POST to a subscriber. 2xx is success; anything else (redirects are not followed),
 * a timeout or a refused address is a failure with the reason, never an exception.
 */
export function sendWebhook(webhook: WebhookRequest): Promise<WebhookResponse> {
  const started = Date.now();
  const url = new URL(webhook.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ok = error === null && statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({
        ok,
        statusCode,
        durationMs: Date.now() - started,
        error: ok ? null : (error ?? `HTTP ${statusCode}`),
      });
    };
    const req = send(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(webhook.policy),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(webhook.body),
          'user-agent': 'BBWS-Webhooks/1.0',
          [SIGNATURE_HEADER]: signWebhook(webhook.secret, webhook.timestampSeconds, webhook.body),
          [TIMESTAMP_HEADER]: String(webhook.timestampSeconds),
          [EVENT_HEADER]: webhook.eventType,
          [DELIVERY_HEADER]: webhook.deliveryId,
        },
      },
      (res) => {
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) res.destroy();
        });
        res.on('close', () => finish(res.statusCode ?? null, null));
        res.on('error', () => finish(res.statusCode ?? null, null));
      },
    );
    const timer = setTimeout(() => {
      finish(null, `Timed out after ${webhook.timeoutMs} ms`);
      req.destroy();
    }, webhook.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish(null, error.code ? `${error.code}: ${error.message}` : error.message),
    );
    req.end(webhook.body);
  });
}
