import { createHash, createHmac } from 'node:crypto';
import { canonicalAgentQuery, signAgentRequest } from './agent-request.signer';

describe('signAgentRequest', () => {
  const request = {
    method: 'post',
    route: '/bbws/v1/sites/2/export',
    body: '{"uploadUrl":"http://x"}',
    timestamp: 1_700_000_000.9,
    nonce: 'n0nce-0123456789ab',
  };

  it('signs method, route, an empty query, timestamp, nonce and the body hash with the agent secret', () => {
    const headers = signAgentRequest('s3cret', request);

    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    const payload = `POST\n/bbws/v1/sites/2/export\n\n1700000000\nn0nce-0123456789ab\n${bodyHash}`;
    expect(headers).toEqual({
      'x-bbws-timestamp': '1700000000',
      'x-bbws-nonce': 'n0nce-0123456789ab',
      'x-bbws-signature': createHmac('sha256', 's3cret').update(payload).digest('hex'),
    });
  });

  it('gives a different signature when the body changes', () => {
    const original = signAgentRequest('s3cret', request);
    const tampered = signAgentRequest('s3cret', { ...request, body: '{"uploadUrl":"http://evil"}' });

    expect(tampered['x-bbws-signature']).not.toEqual(original['x-bbws-signature']);
  });

  it('signs the query string, so an added or changed parameter gives another signature', () => {
    const plain = signAgentRequest('s3cret', request)['x-bbws-signature'];
    const withBlog = signAgentRequest('s3cret', { ...request, query: { blogId: '7' } })['x-bbws-signature'];
    const otherBlog = signAgentRequest('s3cret', { ...request, query: { blogId: '8' } })['x-bbws-signature'];

    expect(new Set([plain, withBlog, otherBlog]).size).toBe(3);
  });

  it('leaves rest_route out of the canonical query (the route has its own line)', () => {
    expect(signAgentRequest('s3cret', { ...request, query: { rest_route: request.route } })).toEqual(
      signAgentRequest('s3cret', request),
    );
  });

  it('gives a different signature under another secret', () => {
    expect(signAgentRequest('other', request)['x-bbws-signature']).not.toEqual(
      signAgentRequest('s3cret', request)['x-bbws-signature'],
    );
  });

  it('uses a fresh random nonce for every request when none is given', () => {
    const { nonce: _nonce, ...withoutNonce } = request;

    const first = signAgentRequest('s3cret', withoutNonce)['x-bbws-nonce'];
    const second = signAgentRequest('s3cret', withoutNonce)['x-bbws-nonce'];

    expect(first).toMatch(/^[a-f0-9]{32}$/);
    expect(first).not.toEqual(second);
  });
});

describe('canonicalAgentQuery', () => {
  it("sorts name=value pairs, percent-encoded as PHP's rawurlencode does", () => {
    expect(canonicalAgentQuery({ z: 'last', a: "x y/!'()*~", rest_route: '/bbws/v1/x' })).toBe(
      'a=x%20y%2F%21%27%28%29%2A~&z=last',
    );
  });

  it('is empty without parameters', () => {
    expect(canonicalAgentQuery()).toBe('');
    expect(canonicalAgentQuery({})).toBe('');
  });
});
