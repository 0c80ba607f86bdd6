import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@bbws/shared-errors';

/**
 * Opaque, tamper-evident pagination cursors: base64url(JSON) + "." + base64url(HMAC-SHA256).
 * A cursor that was not issued by us (or was edited) is rejected with 400.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new Error('Cursor secret must be at least 16 characters');
  }

  encode(position: Record<string, unknown>): string {
    const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(cursor: string): Record<string, unknown> {
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) throw invalid();
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid();
      return value as Record<string, unknown>;
    } catch {
      throw invalid();
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

function invalid(): ValidationError {
  return ValidationError.field('startAt', 'is not a valid pagination cursor');
}
