import { randomBytes } from 'node:crypto';
import { OrgFixture, type Method } from './org-fixture';

/** The request log line never holds an invitation token, whatever the method or path (matched or not). */
describe('invitation tokens in request log lines', () => {
  let fx: OrgFixture;
  beforeAll(async () => {
    fx = await OrgFixture.start({ captureLogs: true, env: { INVITATION_RATE_LIMIT_PER_MINUTE: '10000' } });
  });
  afterAll(() => fx.close());

  const token = () => randomBytes(32).toString('base64url');

  it.each<[Method, string]>([
    ['PUT', '/v1.0/invitations/TOKEN'],
    ['DELETE', '/v1.0/invitations/TOKEN'],
    ['PATCH', '/v1.0/invitations/TOKEN/accept'],
    ['POST', '/v1.0/invitations/TOKEN/acept'],
    ['GET', '/v1.0/invitations/TOKEN/accept/extra?x=1'],
    ['GET', '/v1.0/invitations/TOKEN?token=TOKEN'],
    ['POST', '//v1.0//invitations/TOKEN/decline'],
    ['GET', '/V1.0/Invitations/TOKEN'],
    ['GET', '/v1.0/invitations%2FTOKEN'],
    ['GET', '/v1.0/%69nvitations/TOKEN'],
  ])('redacts the token of %s %s', async (method, path) => {
    const secret = token();
    const url = path.replaceAll('TOKEN', secret);
    const response = await fx.call(method, url, undefined, method === 'GET' ? undefined : {});
    expect(response.status).toBeGreaterThanOrEqual(400);
    const lines =
      fx.logs?.lines.filter((line) =>
        line.includes(`"requestId":"${String(response.headers['x-request-id'])}"`),
      ) ?? [];
    expect(lines.some((line) => line.includes('"msg":"request"') && line.includes('[redacted]'))).toBe(true);
    expect(fx.logs?.text()).not.toContain(secret);
  });
});
