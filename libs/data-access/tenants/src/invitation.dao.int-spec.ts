import { createHash, randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@bbws/data-access-memberships';
import {
  AlreadyMemberError,
  DuplicateInvitationError,
  InvitationStateChangedError,
  LimitReachedError,
  TokenConsumedError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { invitationStatusAt, type Invitation } from './invitation.entity';
import { invitationKeys } from './invitation.keys';
import {
  TestClock,
  buildAuditEvent,
  buildInvitation,
  buildMember,
  seedTenant,
  tenantTableDaos,
  testDynamoContext,
} from '@bbws/testing-factories';

const DAY = 86_400_000;
const hash = () => createHash('sha256').update(randomBytes(32)).digest('hex');

describe('InvitationDao (DynamoDB Local)', () => {
  const clock = TestClock.frozen();
  const db = testDynamoContext(clock);
  const { tenants, members, invitations } = tenantTableDaos(db);
  let tenantId: string;

  beforeEach(async () => {
    tenantId = (await seedTenant(tenants)).tenantId;
  });

  const invite = async (overrides: Partial<Invitation> = {}) => {
    const now = clock.now();
    const invitation = buildInvitation({
      tenantId,
      tokenHash: hash(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 7 * DAY).toISOString(),
      ...overrides,
    });
    await invitations.create(invitation, buildAuditEvent({ tenantId, action: 'INVITATION_CREATED' }));
    return invitation;
  };
  const memberFor = (invitation: Invitation): Member =>
    buildMember({
      tenantId,
      email: invitation.email,
      role: invitation.role,
      joinedAt: clock.now().toISOString(),
    });
  const rawItem = async (key: { PK: string; SK: string }) =>
    (await db.client.send(new GetCommand({ TableName: db.tables.tenants, Key: key }))).Item;

  it('stores the invitation, a pending guard and a token item keyed by the hash', async () => {
    const invitation = await invite();
    expect(await invitations.get(tenantId, invitation.invitationId)).toEqual(invitation);
    expect(await invitations.findToken(invitation.tokenHash)).toEqual({
      tenantId,
      invitationId: invitation.invitationId,
      consumedAt: null,
    });
    const token = await rawItem(invitationKeys.token(invitation.tokenHash));
    expect(token?.ttl).toBe(Math.floor(Date.parse(invitation.expiresAt) / 1000) + 86_400);
  });

  it('refuses a second pending invitation for the same email, case-insensitively', async () => {
    const first = await invite();
    await expect(invite({ email: first.email.toUpperCase() })).rejects.toEqual(
      new DuplicateInvitationError(first.email.toUpperCase()),
    );
  });

  it('lets a new invitation replace one that expired, and derives EXPIRED on read', async () => {
    const first = await invite({ expiresAt: new Date(clock.now().getTime() + DAY).toISOString() });
    clock.advance(2 * DAY);
    expect(invitationStatusAt(first, clock.now())).toBe('EXPIRED');
    const second = await invite({ email: first.email });
    const expired = await invitations.list(tenantId, 'EXPIRED', clock.now(), { pageSize: 10 });
    expect(expired.items.map((i) => i.invitationId)).toEqual([first.invitationId]);
    const pending = await invitations.list(tenantId, 'PENDING', clock.now(), { pageSize: 10 });
    expect(pending.items.map((i) => i.invitationId)).toEqual([second.invitationId]);
    const all = await invitations.list(tenantId, undefined, clock.now(), { pageSize: 10 });
    expect(all.items.map((i) => i.invitationId)).toEqual([second.invitationId, first.invitationId]);
  });

  it('accepts in one transaction: membership, ACCEPTED, token consumed, guard released', async () => {
    const invitation = await invite({ role: 'ADMIN' });
    const member = memberFor(invitation);
    const accepted = await invitations.accept(
      invitation,
      member,
      [],
      [buildAuditEvent({ tenantId, action: 'INVITATION_ACCEPTED' })],
    );
    expect(accepted).toMatchObject({ status: 'ACCEPTED', respondedBy: member.userId, version: 2 });
    expect(await members.get(tenantId, member.userId)).toMatchObject({ role: 'ADMIN' });
    expect((await tenants.get(tenantId))?.adminCount).toBe(1);
    expect((await invitations.findToken(invitation.tokenHash))?.consumedAt).toEqual(expect.any(String));
    expect(await rawItem(invitationKeys.pendingGuard(tenantId, invitation.email))).toBeUndefined();
    const listed = await invitations.list(tenantId, 'ACCEPTED', clock.now(), { pageSize: 10 });
    expect(listed.items.map((i) => i.invitationId)).toEqual([invitation.invitationId]);
    await invite({ email: invitation.email });
  });

  it('lets exactly one of two parallel accepts through', async () => {
    const invitation = await invite();
    const results = await Promise.allSettled([
      invitations.accept(invitation, memberFor(invitation), [], [buildAuditEvent({ tenantId })]),
      invitations.accept(invitation, memberFor(invitation), [], [buildAuditEvent({ tenantId })]),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    // The loser finds the invitation answered, the token used or the membership written (a 409 on the API).
    const answered = [
      InvitationStateChangedError,
      TokenConsumedError,
      AlreadyMemberError,
      VersionConflictError,
    ];
    expect(answered.some((type) => failure?.reason instanceof type)).toBe(true);
    expect((await members.list(tenantId, {}, { pageSize: 10 })).items).toHaveLength(1);
  });

  it('answers 410 once expired and 409 once answered', async () => {
    const late = await invite({ expiresAt: new Date(clock.now().getTime() + DAY).toISOString() });
    clock.advance(DAY + 1000);
    await expect(
      invitations.accept(late, memberFor(late), [], [buildAuditEvent({ tenantId })]),
    ).rejects.toEqual(new InvitationStateChangedError('EXPIRED', 'ACCEPTED'));
    const declined = await invite();
    await invitations.decline(declined, 'someone', buildAuditEvent({ tenantId }));
    await expect(
      invitations.accept(declined, memberFor(declined), [], [buildAuditEvent({ tenantId })]),
    ).rejects.toEqual(new InvitationStateChangedError('DECLINED', 'ACCEPTED'));
  });

  it('resends with a new token (the old one is gone) at most three times', async () => {
    let current = await invite();
    const oldHash = current.tokenHash;
    const newHash = hash();
    current = await invitations.resend(
      current,
      1,
      newHash,
      new Date(clock.now().getTime() + 7 * DAY).toISOString(),
      buildAuditEvent({ tenantId }),
    );
    expect(current).toMatchObject({ resendCount: 1, version: 2, tokenHash: newHash });
    expect(await invitations.findToken(oldHash)).toBeNull();
    expect(await invitations.findToken(newHash)).toMatchObject({ invitationId: current.invitationId });
    for (let i = 0; i < 2; i += 1) {
      current = await invitations.resend(
        current,
        current.version,
        hash(),
        current.expiresAt,
        buildAuditEvent({ tenantId }),
      );
    }
    await expect(
      invitations.resend(current, current.version, hash(), current.expiresAt, buildAuditEvent({ tenantId })),
    ).rejects.toEqual(new LimitReachedError('RESENDS', 3));
  });

  it('cancels only a pending invitation, with the version checked', async () => {
    const invitation = await invite();
    await expect(invitations.cancel(invitation, 5, 'admin', buildAuditEvent({ tenantId }))).rejects.toEqual(
      new VersionConflictError(5, 1),
    );
    const cancelled = await invitations.cancel(invitation, 1, 'admin', buildAuditEvent({ tenantId }));
    expect(cancelled.status).toBe('CANCELLED');
    await expect(invitations.cancel(cancelled, 2, 'admin', buildAuditEvent({ tenantId }))).rejects.toEqual(
      new InvitationStateChangedError('CANCELLED', 'CANCELLED'),
    );
    expect(
      (await rawItem(invitationKeys.invitation(tenantId, invitation.invitationId)))?.ttl,
    ).toBeUndefined();
  });

  it('refuses an invitation for someone who became a member meanwhile', async () => {
    const member = buildMember({ tenantId });
    await members.add(member, buildAuditEvent({ tenantId }));
    const invitation = buildInvitation({ tenantId, email: member.email, tokenHash: hash() });
    await expect(
      invitations.create(invitation, buildAuditEvent({ tenantId }), member.userId),
    ).rejects.toEqual(new AlreadyMemberError(member.userId));
  });
});
