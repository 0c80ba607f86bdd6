import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it.each([
    ['/v1.0/invitations/abc123', '/v1.0/invitations/[redacted]'],
    ['/v1.0/invitations/abc123/acept', '/v1.0/invitations/[redacted]/acept'],
    ['//v1.0//invitations/abc123', '//v1.0//invitations/[redacted]'],
    ['/V1.0/INVITATIONS/abc123?x=1', '/V1.0/INVITATIONS/[redacted]?x=1'],
    ['/v1.0/invitations%2Fabc123', '/v1.0/invitations/[redacted]'],
    ['/v1.0/%69nvitations/abc123', '/v1.0/invitations/[redacted]'],
    ['/v1.0/invitations%zz/abc123', '/v1.0/invitations%zz/[redacted]'],
    ['/v1.0/invitations%E0%A4%A/abc123', '/v1.0/invitations%E0%A4%A/[redacted]'],
    ['/v1.0/tenants?token=abc123&pageSize=2', '/v1.0/tenants?token=[redacted]&pageSize=2'],
  ])('%s -> %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('keeps other URLs as they are', () => {
    expect(redactUrl('/v1.0/tenants/tenant-1/invitations/inv-2?pageSize=5')).toBe(
      '/v1.0/tenants/tenant-1/invitations/inv-2?pageSize=5',
    );
  });
});
