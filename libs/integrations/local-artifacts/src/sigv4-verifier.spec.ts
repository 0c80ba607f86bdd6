import { verifySigV4 } from './sigv4-verifier';

// The worked examples of Amazon S3's "Signature Version 4" documentation (example bucket and keys).
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const secretOf = (accessKeyId: string) => (accessKeyId === ACCESS_KEY ? SECRET : undefined);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const headerSigned = (signature: string, overrides: Record<string, string> = {}) => ({
  method: 'GET',
  url: '/test.txt',
  headers: {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request,` +
      `SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=${signature}`,
    ...overrides,
  },
});

const PRESIGNED =
  '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  `&X-Amz-Credential=${ACCESS_KEY}%2F20130524%2Fus-east-1%2Fs3%2Faws4_request` +
  '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
  '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

describe('verifySigV4', () => {
  const goodHeaderSignature = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';

  it('accepts the documented header-signed GET', () => {
    expect(verifySigV4(headerSigned(goodHeaderSignature), secretOf)).toEqual({
      ok: true,
      accessKeyId: ACCESS_KEY,
    });
  });

  it('refuses it when a signed header or the path differs', () => {
    expect(verifySigV4(headerSigned(goodHeaderSignature, { range: 'bytes=0-99' }), secretOf)).toMatchObject({
      ok: false,
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(verifySigV4({ ...headerSigned(goodHeaderSignature), url: '/other.txt' }, secretOf)).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('accepts the documented presigned GET, whatever else the client sends unsigned', () => {
    const request = {
      method: 'GET',
      url: PRESIGNED,
      headers: { host: 'examplebucket.s3.amazonaws.com', accept: '*/*' },
    };

    expect(verifySigV4(request, secretOf)).toEqual({ ok: true, accessKeyId: ACCESS_KEY });
  });

  it('refuses a presigned GET with another method, host, expiry or signature', () => {
    const host = { host: 'examplebucket.s3.amazonaws.com' };
    const variants = [
      { method: 'PUT', url: PRESIGNED, headers: host },
      { method: 'GET', url: PRESIGNED, headers: { host: 'otherbucket.s3.amazonaws.com' } },
      { method: 'GET', url: PRESIGNED.replace('X-Amz-Expires=86400', 'X-Amz-Expires=86401'), headers: host },
      { method: 'GET', url: PRESIGNED.replace('Signature=aeee', 'Signature=beee'), headers: host },
    ];

    for (const request of variants)
      expect(verifySigV4(request, secretOf)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an unknown access key, an anonymous request and a malformed credential', () => {
    expect(verifySigV4(headerSigned(goodHeaderSignature), () => undefined)).toMatchObject({
      status: 403,
      code: 'InvalidAccessKeyId',
    });
    expect(verifySigV4({ method: 'GET', url: '/test.txt', headers: {} }, secretOf)).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    const malformed = headerSigned(goodHeaderSignature);
    malformed.headers.authorization = malformed.headers.authorization.replace('/s3/aws4_request', '/s3');
    expect(verifySigV4(malformed, secretOf)).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
    });
  });

  it('leaves version 2 signatures to s3rver', () => {
    const request = {
      method: 'GET',
      url: '/test.txt',
      headers: { authorization: `AWS ${ACCESS_KEY}:c2lnbmF0dXJl` },
    };

    expect(verifySigV4(request, secretOf)).toEqual({ ok: true });
  });
});
