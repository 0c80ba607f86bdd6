import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"id":"evt-1","type":"operation.completed"}';
  const now = 1_772_000_000;

  it('is sha256=<hex HMAC-SHA256 of "{timestamp}.{body}">', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, now, body)).toBe(`sha256=${expected}`);
  });

  it('verifies a genuine delivery and refuses a changed body, timestamp, secret or a stale one', () => {
    const signature = signWebhook(secret, now, body);
    const header = { signature, timestamp: String(now) };
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now + 10 })).toBe(true);
    expect(
      verifyWebhookSignature(secret, header, body.replace('completed', 'failed'), { nowSeconds: now }),
    ).toBe(false);
    expect(
      verifyWebhookSignature(secret, { signature, timestamp: String(now + 1) }, body, { nowSeconds: now }),
    ).toBe(false);
    expect(verifyWebhookSignature('another-secret-value', header, body, { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, { nowSeconds: now + 301 })).toBe(false);
    expect(
      verifyWebhookSignature(secret, { signature: undefined, timestamp: String(now) }, body, {
        nowSeconds: now,
      }),
    ).toBe(false);
  });
});
