import { createHash, createHmac } from 'node:crypto';
import { signAgentRequest } from './agent-request.signer';

describe('signAgentRequest', () => {
  const request = {
    method: 'post',
    route: '/bbws/v1/sites/2/export',
    body: '{"uploadUrl":"http://x"}',
    timestamp: 1_700_000_000.9,
    nonce: 'n0nce-0123456789ab',
  };

  it('signs method, route, timestamp, nonce and the body hash with the agent secret', () => {
    const headers = signAgentRequest('s3cret', request);

    const bodyHash = createHash('sha256').update(request.body).digest('hex');
    const payload = `POST\n/bbws/v1/sites/2/export\n1700000000\nn0nce-0123456789ab\n${bodyHash}`;
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
