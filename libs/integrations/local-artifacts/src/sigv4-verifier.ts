import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SignedRequest {
  method: string;
  /** The request target as received: path (still percent-encoded) and query. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface SignatureRefusal {
  ok: false;
  status: number;
  code: string;
  message: string;
}

export type SignatureCheck = { ok: true; accessKeyId?: string } | SignatureRefusal;

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * Verifies an AWS Signature Version 4 (Authorization header or presigned query string) the way
 * S3 does: canonical request → string to sign → HMAC with the secret of the credential's access
 * key. Payload hashes are taken as declared (`x-amz-content-sha256`), not recomputed. Version 2
 * signatures pass (s3rver verifies those itself); unsigned requests are refused.
 */
export function verifySigV4(
  request: SignedRequest,
  secretOf: (accessKeyId: string) => string | undefined,
): SignatureCheck {
  const [rawPath, rawQuery = ''] = splitOnce(request.url, '?');
  const query = parseQuery(rawQuery);
  const authorization = header(request.headers, 'authorization');
  const presigned = query.some(([name]) => name === 'X-Amz-Algorithm');
  if (!authorization && !presigned) {
    if (query.some(([name]) => name === 'Signature')) return { ok: true };
    return refuse(403, 'AccessDenied', 'Anonymous requests are not allowed: sign them with AWS Signature V4');
  }
  if (authorization?.startsWith('AWS ')) return { ok: true };

  const parts = presigned ? presignedParts(query) : headerParts(authorization ?? '', request.headers);
  if ('ok' in parts) return parts;
  const [accessKeyId, ...scopeParts] = parts.credential.split('/');
  const scope = scopeParts.join('/');
  const [scopeDate, region, service, terminator] = scopeParts;
  if (!accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request')
    return refuse(400, 'AuthorizationHeaderMalformed', 'The credential scope is malformed');
  if (!parts.amzDate.startsWith(scopeDate))
    return refuse(403, 'SignatureDoesNotMatch', 'The credential date does not match X-Amz-Date');
  const secret = secretOf(accessKeyId);
  if (secret === undefined)
    return refuse(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );

  const signedQuery = presigned ? query.filter(([name]) => name !== 'X-Amz-Signature') : query;
  const canonicalRequest = [
    request.method.toUpperCase(),
    rawPath,
    canonicalQuery(signedQuery),
    ...parts.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request.headers, name)}`),
    '',
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, parts.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secret}`, scopeDate);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const provided = Buffer.from(parts.signature);
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided))
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  return { ok: true, accessKeyId };
}

interface SignatureParts {
  credential: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
  payloadHash: string;
}

function headerParts(authorization: string, headers: IncomingHttpHeaders): SignatureParts | SignatureRefusal {
  if (!authorization.startsWith(`${ALGORITHM} `))
    return refuse(400, 'InvalidArgument', 'Unsupported Authorization Type');
  const fields = new Map(
    authorization
      .slice(ALGORITHM.length + 1)
      .split(',')
      .map((field) => splitOnce(field.trim(), '=')),
  );
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const amzDate = header(headers, 'x-amz-date');
  const payloadHash = header(headers, 'x-amz-content-sha256');
  if (!credential || !signedHeaders || !signature)
    return refuse(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  if (!amzDate) return refuse(403, 'AccessDenied', 'AWS authentication requires a valid x-amz-date header');
  if (!payloadHash)
    return refuse(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  return { credential, signedHeaders: signedHeaders.split(';'), signature, amzDate, payloadHash };
}

function presignedParts(query: Array<[string, string]>): SignatureParts | SignatureRefusal {
  const value = (name: string) => query.find(([key]) => key === name)?.[1];
  const credential = value('X-Amz-Credential');
  const signedHeaders = value('X-Amz-SignedHeaders');
  const signature = value('X-Amz-Signature');
  const amzDate = value('X-Amz-Date');
  if (value('X-Amz-Algorithm') !== ALGORITHM || !credential || !signedHeaders || !signature || !amzDate)
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  return {
    credential,
    signedHeaders: signedHeaders.split(';'),
    signature,
    amzDate,
    payloadHash: value('X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD,
  };
}

function refuse(status: number, code: string, message: string): SignatureRefusal {
  return { ok: false, status, code, message };
}

function parseQuery(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  return rawQuery.split('&').map((pair) => {
    const [name, value = ''] = splitOnce(pair, '=');
    return [safeDecode(name), safeDecode(value)];
  });
}

function canonicalQuery(pairs: Array<[string, string]>): string {
  return pairs
    .map(([name, value]) => [rfc3986(name), rfc3986(value)])
    .sort(([a, x], [b, y]) => (a === b ? compare(x, y) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalHeaderValue(headers: IncomingHttpHeaders, name: string): string {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return value.trim().replace(/\s+/g, ' ');
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const index = value.indexOf(separator);
  return index < 0 ? [value, undefined] : [value.slice(0, index), value.slice(index + 1)];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, value: string): Buffer {
  return createHmac('sha256', key).update(value, 'utf8').digest();
}
