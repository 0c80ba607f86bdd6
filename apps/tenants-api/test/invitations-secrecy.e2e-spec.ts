import { createHash } from 'node:crypto';
import { type TestResponse, type TestUser } from '@bbws/testing-e2e';
import { TableProbe, testDynamoContext } from '@bbws/testing-factories';
import { OrgFixture, uniqueEmail, type Method } from './org-fixture';
import { invite } from './org-invitations';

/** Tokens live in the email link and nowhere else: not in responses, log lines, audit events or stored items. */
describe('invitation tokens stay secret', () => {
  let fx: OrgFixture;
  let tenant: any;
  let tenantAdmin: TestUser;
  const responses: TestResponse[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    fx = await OrgFixture.start({ captureLogs: true, env: { INVITATION_RATE_LIMIT_PER_MINUTE: '10000' } });
    ({ tenant, tenantAdmin } = await fx.tenantWithAdmin());
  });
  afterAll(() => fx.close());

  const call = async (method: Method, url: string, token?: string, body?: unknown) => {
    const response = await fx.call(method, url, token, body);
    responses.push(response);
    return response;
  };

  it('goes through every invitation flow, success and failure, without the token leaving the email', async () => {
    const invitee = await fx.directoryUser();
    const stranger = await fx.directoryUser();
    const invitations = `/v1.0/tenants/${tenant.tenantId}/invitations`;

    const created = await call('POST', invitations, tenantAdmin.token, {
      email: invitee.email,
      role: 'OPERATOR',
      message: 'hi',
    });
    const first = await fx.mailbox.invitationToken(invitee.email);
    tokens.push(first);
    await call('GET', `/v1.0/invitations/${first}`);
    await call('POST', `/v1.0/invitations/${first}/accept`);
    await call('POST', `/v1.0/invitations/${first}/accept`, stranger.token);
    await call('GET', `${invitations}/${created.body.invitationId}`, tenantAdmin.token);
    await call('GET', invitations, tenantAdmin.token);

    await call('POST', `${invitations}/${created.body.invitationId}/resend`, tenantAdmin.token);
    const second = await fx.mailbox.invitationToken(invitee.email);
    tokens.push(second);
    await call('GET', `/v1.0/invitations/${first}`);
    await call('POST', `/v1.0/invitations/${first}/accept`, invitee.token);
    await call('POST', `/v1.0/invitations/${second}/accept`, invitee.token);
    await call('POST', `/v1.0/invitations/${second}/accept`, invitee.token);
    await call('GET', `/v1.0/invitations/${second}`);

    const other = await invite(fx, tenant.tenantId, tenantAdmin.token, {
      email: uniqueEmail(),
      role: 'VIEWER',
    });
    tokens.push(other.token);
    await call('DELETE', `${invitations}/${other.invitation.invitationId}`, tenantAdmin.token);
    await call('POST', `/v1.0/invitations/${other.token}/decline`, stranger.token);
    await call('GET', `/v1.0/invitations/${other.token}`);

    expect(responses.map((r) => r.status)).toEqual([
      201, 200, 401, 403, 200, 200, 200, 404, 404, 200, 409, 200, 200, 403, 200,
    ]);
    expect(new Set(tokens).size).toBe(3);

    // The email is where the tokens are (so the checks below look for the right strings).
    const mails = (await fx.mailbox.to(invitee.email)).map((mail) => mail.raw).join('\n');
    expect(mails).toContain(first);
    expect(mails).toContain(second);

    const everything = {
      responses: JSON.stringify(responses.map((r) => ({ body: r.body, headers: r.headers }))),
      logs: fx.logs?.text() ?? '',
      audit: JSON.stringify(await fx.audit(tenant.tenantId)),
      stored: JSON.stringify(await storedItems(tenant.tenantId, tokens)),
    };
    expect(everything.logs).toContain('"msg":"request"');
    expect(everything.logs).toContain('/v1.0/invitations/[redacted]');
    expect(everything.audit).toContain('INVITATION_ACCEPTED');
    for (const token of tokens) {
      for (const [where, text] of Object.entries(everything)) {
        if (text.includes(token)) throw new Error(`a raw invitation token appears in ${where}`);
      }
      const hash = createHash('sha256').update(token).digest('hex');
      expect(everything.responses).not.toContain(hash);
      expect(everything.audit).not.toContain(hash);
      expect(everything.logs).not.toContain(hash);
    }
  });
});

/** Every item of the tenant's partition and the token items, as stored. */
async function storedItems(tenantId: string, tokens: string[]): Promise<unknown[]> {
  const probe = new TableProbe(testDynamoContext());
  const partitions = [
    `TENANT#${tenantId}`,
    ...tokens.map((token) => `INVTOKEN#${createHash('sha256').update(token).digest('hex')}`),
  ];
  const items = (await Promise.all(partitions.map((pk) => probe.partition('tenants', pk)))).flat();
  expect(items.some((item) => item.entityType === 'INVITATION_TOKEN')).toBe(true);
  return items;
}
