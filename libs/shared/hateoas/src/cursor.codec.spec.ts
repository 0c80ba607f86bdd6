import { ValidationError } from '@bbws/shared-errors';
import { CursorCodec } from './cursor.codec';

describe('CursorCodec', () => {
  const codec = new CursorCodec('a-secret-of-enough-length');

  it('round-trips a position', () => {
    const position = { PK: 'TENANT#1', SK: 'TENANT', GSI1SK: '2026#x' };
    expect(codec.decode(codec.encode(position))).toEqual(position);
  });

  it('rejects a cursor whose payload was edited', () => {
    const [, signature] = codec.encode({ PK: 'TENANT#1' }).split('.');
    const forged = `${Buffer.from(JSON.stringify({ PK: 'TENANT#2' })).toString('base64url')}.${signature}`;
    expect(() => codec.decode(forged)).toThrow(ValidationError);
  });

  it('rejects a cursor signed with another secret', () => {
    const other = new CursorCodec('another-secret-of-enough-length');
    expect(() => codec.decode(other.encode({ PK: 'x' }))).toThrow(ValidationError);
  });

  it.each(['', 'abc', 'a.b.c', '!!!.???'])('rejects the malformed cursor %p', (cursor) => {
    expect(() => codec.decode(cursor)).toThrow(ValidationError);
  });
});
