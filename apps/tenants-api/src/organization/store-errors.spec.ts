import {
  AlreadyExistsError,
  AlreadyMemberError,
  AppError,
  ConcurrentChangeError,
  DuplicateInvitationError,
  HasChildrenError,
  InvitationStateChangedError,
  InvitationSupersededError,
  ItemMissingError,
  LastAdminError,
  LimitReachedError,
  NameTakenError,
  TokenConsumedError,
  UnknownTeamError,
  VersionConflictError,
  ValidationError,
} from '@bbws/shared-errors';
import { toAppError, toInviteeAppError } from './store-errors';

function answer(error: unknown) {
  const mapped = error as AppError;
  expect(mapped).toBeInstanceOf(AppError);
  return { status: mapped.status, code: mapped.code, message: mapped.message, details: mapped.details };
}

describe('toAppError (the admin API)', () => {
  it.each([
    [new VersionConflictError(1, 2), 412, 'PRECONDITION_FAILED', { expectedVersion: 1, currentVersion: 2 }],
    [new ItemMissingError('DIVISION', 'div-1'), 404, 'DIVISION_NOT_FOUND', undefined],
    [new NameTakenError('ORGANIZATION', 'Acme'), 409, 'ORGANIZATION_NAME_TAKEN', undefined],
    [new NameTakenError('GROUP', 'Ops'), 409, 'GROUP_NAME_TAKEN', { name: 'Ops' }],
    [new AlreadyExistsError('TENANT', 't1'), 409, 'CONFLICT', undefined],
    [new ConcurrentChangeError(), 409, 'CONFLICT', undefined],
    [new ConcurrentChangeError('SUBTREE'), 409, 'CONFLICT', undefined],
    [new LimitReachedError('CHILDREN', 100, { level: 'TEAM' }), 422, 'CHILD_LIMIT_REACHED', { limit: 100 }],
    [new LimitReachedError('RESENDS', 3), 422, 'RESEND_LIMIT', { limit: 3 }],
    [
      new LimitReachedError('TRANSACTION_ITEMS', 100, { items: 140 }),
      422,
      'CASCADE_TOO_LARGE',
      { items: 140, limit: 100 },
    ],
    [new HasChildrenError('GROUP'), 422, 'HAS_CHILDREN', undefined],
    [new AlreadyMemberError('u1'), 409, 'ALREADY_MEMBER', { userId: 'u1' }],
    [new LastAdminError('t1'), 422, 'LAST_ADMIN', undefined],
    [new UnknownTeamError('team-1'), 422, 'UNKNOWN_TEAM', { teamIds: ['team-1'] }],
    [new DuplicateInvitationError('a@x.example'), 409, 'DUPLICATE_INVITATION', { email: 'a@x.example' }],
    [new InvitationSupersededError(), 410, 'INVITATION_EXPIRED', undefined],
    [new TokenConsumedError(), 409, 'INVITATION_NOT_PENDING', { status: 'ACCEPTED' }],
    [
      new InvitationStateChangedError('CANCELLED', 'PENDING'),
      422,
      'INVALID_STATUS_TRANSITION',
      { currentStatus: 'CANCELLED', requestedStatus: 'PENDING', allowedTransitions: [] },
    ],
  ])('maps %p to %i %s', (error, status, code, details) => {
    expect(answer(toAppError(error))).toMatchObject({ status, code, details });
  });

  it('keeps the documented messages', () => {
    expect(answer(toAppError(new NameTakenError('DIVISION', 'Research'))).message).toBe(
      'A division named "Research" already exists here',
    );
    expect(answer(toAppError(new LimitReachedError('CHILDREN', 100, { level: 'TEAM' }))).message).toBe(
      'Its parent already has 100 teams',
    );
    expect(answer(toAppError(new HasChildrenError('TEAM'))).message).toBe(
      'The team still has members; pass ?cascade=true to delete them too',
    );
    expect(answer(toAppError(new ConcurrentChangeError('SUBTREE'))).message).toBe(
      'The subtree changed while it was being deleted; retry',
    );
  });

  it('passes errors that are not domain errors through unchanged', () => {
    const invalid = ValidationError.field('name', 'is required');
    const crash = new Error('boom');
    expect(toAppError(invalid)).toBe(invalid);
    expect(toAppError(crash)).toBe(crash);
  });
});

describe('toInviteeAppError (the public token routes)', () => {
  it('answers an expired invitation with 410 and an answered one with 409', () => {
    expect(answer(toInviteeAppError(new InvitationStateChangedError('EXPIRED', 'ACCEPTED')))).toMatchObject({
      status: 410,
      code: 'INVITATION_EXPIRED',
    });
    expect(answer(toInviteeAppError(new InvitationStateChangedError('DECLINED', 'ACCEPTED')))).toMatchObject({
      status: 409,
      code: 'INVITATION_NOT_PENDING',
      message: 'This invitation is declined',
      details: { status: 'DECLINED' },
    });
  });

  it('answers an invitation resent meanwhile with 409 instead of 412, and maps the rest like the admin API', () => {
    expect(answer(toInviteeAppError(new VersionConflictError(1, 2)))).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: 'The invitation changed meanwhile (it may have been resent); use the newest email',
    });
    expect(answer(toInviteeAppError(new AlreadyMemberError('u1')))).toMatchObject({
      status: 409,
      code: 'ALREADY_MEMBER',
    });
  });
});
