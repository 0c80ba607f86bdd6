import type {
  HierarchyDao,
  Invitation,
  InvitationDao,
  MemberDao,
  TeamPath,
  TenantDao,
} from '@bbws/data-access-tenants';
import type { DirectoryUser, IdentityDirectory } from '@bbws/integrations-identity';
import type { TenantAccessService } from '@bbws/platform-auth';
import {
  TestClock,
  buildInvitation as buildAnyInvitation,
  buildCaller,
  buildMember,
  buildTenant,
  fakePort,
} from '@bbws/testing-factories';
import type { TenantEventsPublisher } from '../events/tenant-events.publisher';
import { OrganizationService } from '../organization/organization.service';
import { InvitationResponsesService } from './invitation-responses.service';
import { issueInvitationToken } from './invitation-token';
import type { InvitationMailer } from './invitation.mailer';

const NOW = new Date('2026-03-01T12:00:00Z');

/** Bob's pending invitation to tenant-1, sent on 26 February and valid for 7 days. */
function buildInvitation(tokenHash: string, overrides: Partial<Invitation> = {}): Invitation {
  return buildAnyInvitation(
    {
      invitationId: 'inv-1',
      tenantId: 'tenant-1',
      email: 'bob@example.com',
      teamIds: ['team-a', 'team-gone'],
      invitedBy: 'alice',
      invitedByName: 'Alice',
      invitedByEmail: 'alice@example.com',
      tokenHash,
      ...overrides,
    },
    new Date('2026-02-26T12:00:00.000Z'),
  );
}

function setUp(
  invitation: Invitation | null,
  options: { member?: boolean; directoryVerified?: boolean } = {},
) {
  const invitations = {
    findToken: jest.fn(async () =>
      invitation
        ? { tenantId: invitation.tenantId, invitationId: invitation.invitationId, consumedAt: null }
        : null,
    ),
    get: jest.fn(async () => invitation),
    accept: jest.fn<ReturnType<InvitationDao['accept']>, Parameters<InvitationDao['accept']>>(
      async (current) => ({ ...current, status: 'ACCEPTED' as const }),
    ),
    decline: jest.fn(async (current: Invitation) => ({ ...current, status: 'DECLINED' as const })),
  };
  const members = {
    get: jest.fn(async () => (options.member ? buildMember({ tenantId: 'tenant-1', userId: 'bob' }) : null)),
  };
  const hierarchy = {
    findTeams: jest.fn(
      async () =>
        new Map<string, TeamPath>([
          ['team-a', { level: 'TEAM', divisionId: 'div-1', groupId: 'grp-1', teamId: 'team-a' }],
        ]),
    ),
  };
  const tenants = {
    get: jest.fn(async () =>
      buildTenant({ tenantId: 'tenant-1', organizationName: 'Acme', status: 'ACTIVE', adminCount: 1 }),
    ),
  };
  const identity = {
    getUser: jest.fn(async (): Promise<DirectoryUser> => ({
      userId: 'bob',
      email: 'Bob@Example.com',
      name: 'Bob Directory',
      status: 'ACTIVE',
      emailVerified: options.directoryVerified ?? true,
    })),
    findUserByEmail: jest.fn(),
  };
  const mailer = { sendResponse: jest.fn(async () => undefined), sendInvitation: jest.fn() };
  const access = { forget: jest.fn() };
  const events = { invitationAccepted: jest.fn(async () => undefined) };
  const clock = TestClock.frozen(NOW);
  const service = new InvitationResponsesService(
    fakePort<InvitationDao>(invitations),
    fakePort<MemberDao>(members),
    new OrganizationService(fakePort<TenantDao>(tenants), fakePort<HierarchyDao>(hierarchy), clock),
    fakePort<IdentityDirectory>(identity),
    fakePort<InvitationMailer>(mailer),
    fakePort<TenantAccessService>(access),
    clock,
    fakePort<TenantEventsPublisher>(events),
  );
  return { service, invitations, mailer, access, events };
}

const bob = buildCaller({ userId: 'bob', email: 'BOB@example.com', name: 'Bob' });

describe('InvitationResponsesService', () => {
  const { token, hash } = issueInvitationToken();

  it('previews with the email masked and tells whether it can be accepted', async () => {
    const { service } = setUp(buildInvitation(hash));
    await expect(service.preview(token)).resolves.toEqual({
      organizationName: 'Acme',
      role: 'OPERATOR',
      email: 'b**@example.com',
      status: 'PENDING',
      expiresAt: '2026-03-05T12:00:00.000Z',
      isValid: true,
    });
  });

  it('treats a token whose invitation now holds another hash (resent) as unknown', async () => {
    const { service } = setUp(buildInvitation(issueInvitationToken().hash));
    await expect(service.preview(token)).rejects.toMatchObject({ code: 'INVITATION_NOT_FOUND' });
  });

  it('derives EXPIRED from the clock: 410 on preview and accept, nothing written', async () => {
    const { service, invitations } = setUp(buildInvitation(hash, { expiresAt: '2026-03-01T11:59:59.000Z' }));
    await expect(service.preview(token)).rejects.toMatchObject({ code: 'INVITATION_EXPIRED', status: 410 });
    await expect(service.accept(bob, token, 'req-1')).rejects.toMatchObject({ code: 'INVITATION_EXPIRED' });
    expect(invitations.accept).not.toHaveBeenCalled();
  });

  it('lets only the invitee answer (403), comparing emails case-insensitively, with the directory as fallback', async () => {
    const { service, invitations } = setUp(buildInvitation(hash));
    await expect(
      service.accept({ ...bob, email: 'mallory@example.com' }, token, 'req-1'),
    ).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    await expect(service.decline({ ...bob, email: 'mallory@example.com' }, token)).rejects.toMatchObject({
      status: 403,
    });
    expect(invitations.accept).not.toHaveBeenCalled();
    await expect(
      service.accept({ ...bob, email: '', emailVerified: false }, token, 'req-1'),
    ).resolves.toMatchObject({
      member: { email: 'bob@example.com' },
    });
  });

  it('refuses an unverified email with 403 EMAIL_NOT_VERIFIED, from the token or the directory, writing nothing', async () => {
    const { service, invitations, mailer, events } = setUp(buildInvitation(hash));
    for (const caller of [
      { ...bob, emailVerified: false },
      { ...bob, email: 'mallory@example.com', emailVerified: false },
    ]) {
      await expect(service.accept(caller, token, 'req-1')).rejects.toMatchObject({
        code: 'EMAIL_NOT_VERIFIED',
        status: 403,
      });
      await expect(service.decline(caller, token)).rejects.toMatchObject({
        code: 'EMAIL_NOT_VERIFIED',
        status: 403,
      });
    }
    const directoryUnverified = setUp(buildInvitation(hash), { directoryVerified: false });
    await expect(
      directoryUnverified.service.accept({ ...bob, email: '', emailVerified: false }, token, 'req-1'),
    ).rejects.toMatchObject({ code: 'EMAIL_NOT_VERIFIED' });
    expect(invitations.accept).not.toHaveBeenCalled();
    expect(invitations.decline).not.toHaveBeenCalled();
    expect(directoryUnverified.invitations.accept).not.toHaveBeenCalled();
    expect(mailer.sendResponse).not.toHaveBeenCalled();
    expect(events.invitationAccepted).not.toHaveBeenCalled();
  });

  it('accepts with the invited role and the teams that still exist, audits without the token, and tells the inviter', async () => {
    const { service, invitations, mailer, access, events } = setUp(buildInvitation(hash));
    const view = await service.accept(bob, token, 'req-1');
    expect(events.invitationAccepted).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'ACCEPTED' }),
      view.member,
      'req-1',
    );
    expect(view.member).toMatchObject({
      userId: 'bob',
      role: 'OPERATOR',
      teamIds: ['team-a'],
      addedBy: 'alice',
      name: 'Bob',
    });
    const [, member, teams, audits] = invitations.accept.mock.calls[0];
    expect(member).toEqual(view.member);
    expect(teams).toHaveLength(1);
    expect(audits.map((audit) => audit.action)).toEqual(['INVITATION_ACCEPTED', 'MEMBER_ADDED']);
    expect(JSON.stringify(audits)).not.toContain(token);
    expect(JSON.stringify(audits)).not.toContain(hash);
    expect(access.forget).toHaveBeenCalledWith('tenant-1', 'bob');
    expect(mailer.sendResponse).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'ACCEPTED' }),
      'Acme',
      { email: 'bob@example.com', name: 'Bob' },
    );
  });

  it('refuses answered invitations with 409 and members with 409 ALREADY_MEMBER', async () => {
    await expect(
      setUp(buildInvitation(hash, { status: 'CANCELLED' })).service.accept(bob, token, 'req-1'),
    ).rejects.toMatchObject({
      code: 'INVITATION_NOT_PENDING',
      status: 409,
    });
    await expect(
      setUp(buildInvitation(hash), { member: true }).service.accept(bob, token, 'req-1'),
    ).rejects.toMatchObject({ code: 'ALREADY_MEMBER' });
  });
});
