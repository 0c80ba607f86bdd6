import { LocalUserDirectory } from '@bbws/integrations-identity';
import { signTestToken } from '@bbws/testing-engines';
import { testDynamoContext } from '@bbws/testing-factories';
import { OrgFixture } from './org-fixture';
import { uniqueName } from './tenants-api.fixture';

/**
 * The README's getting-started walk, request for request (each step shows the curl line it mirrors;
 * `$API` is http://127.0.0.1:3000/v1.0, tokens come from `npm run -s token -- ...`).
 */
describe('walkthrough: from a new tenant to Bob accepting his invitation', () => {
  let fx: OrgFixture;
  beforeAll(async () => {
    fx = await OrgFixture.start();
  });
  afterAll(() => fx.close());

  /** What `npm run -s token -- --email <email> [--name <name>]` does: the user in the local directory, and a token. */
  async function token(email: string, name: string): Promise<{ token: string; userId: string }> {
    const user = await new LocalUserDirectory(
      testDynamoContext().client,
      testDynamoContext().tables.tenants,
    ).ensureUser({ email, name });
    return {
      token: await signTestToken({ sub: user.userId, email: user.email, name: user.name }),
      userId: user.userId,
    };
  }

  it('works end to end', async () => {
    // ADMIN_TOKEN=$(npm run -s token -- --seed)   (platform admin admin@bbws.local)
    const adminToken = fx.admin.token;

    // curl -X POST $API/tenants -H "Authorization: Bearer $ADMIN_TOKEN" -d '{"organizationName":"Acme Hosting","contactEmail":"ops@acme.example"}'
    const tenant = await fx.expect(201, 'POST', '/v1.0/tenants', adminToken, {
      organizationName: uniqueName('Acme Hosting'),
      contactEmail: 'ops@acme.example',
    });
    const t = tenant.tenantId;

    // ALICE_TOKEN=$(npm run -s token -- --email alice@example.com --name Alice)
    const alice = await token('alice@example.com', 'Alice');
    // curl -X POST $API/tenants/$T/members -H "Authorization: Bearer $ADMIN_TOKEN" -d '{"email":"alice@example.com","role":"ADMIN"}'
    const aliceMember = await fx.expect(201, 'POST', `/v1.0/tenants/${t}/members`, adminToken, {
      email: 'alice@example.com',
      role: 'ADMIN',
    });
    expect(aliceMember).toMatchObject({ userId: alice.userId, role: 'ADMIN' });

    // curl -X POST $API/tenants/$T/divisions -H "Authorization: Bearer $ALICE_TOKEN" -d '{"name":"Engineering"}'
    const division = await fx.expect(201, 'POST', `/v1.0/tenants/${t}/divisions`, alice.token, {
      name: 'Engineering',
    });
    // curl -X POST $API/tenants/$T/divisions/$D/groups -H "Authorization: Bearer $ALICE_TOKEN" -d '{"name":"Platform"}'
    const group = await fx.expect(201, 'POST', division._links.groups.href, alice.token, {
      name: 'Platform',
    });
    // curl -X POST $API/tenants/$T/divisions/$D/groups/$G/teams -H "Authorization: Bearer $ALICE_TOKEN" -d '{"name":"Web"}'
    const team = await fx.expect(201, 'POST', group._links.teams.href, alice.token, { name: 'Web' });

    // curl -X POST $API/tenants/$T/invitations -H "Authorization: Bearer $ALICE_TOKEN" -d '{"email":"bob@example.com","role":"OPERATOR","teamIds":["'$TEAM'"]}'
    const invitation = await fx.expect(201, 'POST', `/v1.0/tenants/${t}/invitations`, alice.token, {
      email: 'bob@example.com',
      role: 'OPERATOR',
      teamIds: [team.teamId],
    });
    expect(invitation).toMatchObject({ status: 'PENDING', role: 'OPERATOR', teamIds: [team.teamId] });

    // INVITE=$(perl -0pe 's/=\r?\n//g' "$(ls -d .data/mail/*.eml | tail -1)" | grep -oE 'invite/[A-Za-z0-9_-]{43}' | head -1 | cut -d/ -f2)
    // (perl joins quoted-printable soft line breaks, in case the text part needed that encoding)
    const email = await fx.mailbox.latestTo('bob@example.com');
    const found = email.raw.replace(/=\r?\n/g, '').match(/invite\/([A-Za-z0-9_-]{43})/g) ?? [];
    expect(found.length).toBeGreaterThan(0);
    const inviteToken = (found[0] ?? '').slice('invite/'.length);
    expect(email.text).toContain(`http://localhost:3000/invite/${inviteToken}`);

    // curl $API/invitations/$INVITE
    expect(await fx.expect(200, 'GET', `/v1.0/invitations/${inviteToken}`, undefined)).toMatchObject({
      organizationName: tenant.organizationName,
      role: 'OPERATOR',
      status: 'PENDING',
      isValid: true,
    });

    // BOB_TOKEN=$(npm run -s token -- --email bob@example.com --name Bob)
    const bob = await token('bob@example.com', 'Bob');
    // curl -X POST $API/invitations/$INVITE/accept -H "Authorization: Bearer $BOB_TOKEN"
    const membership = await fx.expect(200, 'POST', `/v1.0/invitations/${inviteToken}/accept`, bob.token);
    expect(membership).toMatchObject({ userId: bob.userId, role: 'OPERATOR', teamIds: [team.teamId] });

    // curl $API/tenants/$T/members -H "Authorization: Bearer $ALICE_TOKEN"
    const members = await fx.expect(200, 'GET', `/v1.0/tenants/${t}/members`, alice.token);
    expect(members.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: alice.userId, role: 'ADMIN' }),
        expect.objectContaining({
          userId: bob.userId,
          email: 'bob@example.com',
          role: 'OPERATOR',
          teamIds: [team.teamId],
        }),
      ]),
    );

    // curl $API/users/$BOB_ID/tenants -H "Authorization: Bearer $BOB_TOKEN"
    const bobsTenants = await fx.expect(
      200,
      'GET',
      `/v1.0/users/${bob.userId}/tenants?pageSize=100`,
      bob.token,
    );
    expect(bobsTenants.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tenantId: t, organizationName: tenant.organizationName, role: 'OPERATOR' }),
      ]),
    );

    // curl $API/tenants/$T/hierarchy -H "Authorization: Bearer $BOB_TOKEN"
    const tree = await fx.expect(200, 'GET', `/v1.0/tenants/${t}/hierarchy`, bob.token);
    expect(tree.divisions[0].groups[0].teams[0]).toMatchObject({ name: 'Web', memberCount: 1 });
  });
});
