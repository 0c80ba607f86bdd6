import { MAX_CHILDREN, MAX_RESENDS } from '@bbws/data-access-tenants';
import {
  AlreadyExistsError,
  AlreadyMemberError,
  BusinessRuleError,
  ConcurrentChangeError,
  ConflictError,
  DomainError,
  DuplicateInvitationError,
  GoneError,
  HasChildrenError,
  InvalidStatusTransitionError,
  InvitationStateChangedError,
  InvitationSupersededError,
  ItemMissingError,
  LastAdminError,
  LimitReachedError,
  NameTakenError,
  NotFoundError,
  PreconditionFailedError,
  TokenConsumedError,
  UnknownTeamError,
  VersionConflictError,
  type AppError,
} from '@bbws/shared-errors';

/**
 * What the store's findings mean on the tenants API (codes, statuses, messages and details as
 * documented). Errors that are not domain errors pass through unchanged.
 */
export function toAppError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error instanceof VersionConflictError)
    return new PreconditionFailedError(error.expected, error.current);
  if (error instanceof ItemMissingError) return new NotFoundError(error.entity, error.id);
  if (error instanceof NameTakenError) return nameTaken(error);
  if (error instanceof AlreadyExistsError) return new ConflictError('CONFLICT', 'Tenant already exists');
  if (error instanceof ConcurrentChangeError) {
    return error.scope === 'SUBTREE'
      ? new ConflictError('CONFLICT', 'The subtree changed while it was being deleted; retry')
      : new ConflictError(
          'CONFLICT',
          'A concurrent change got in the way; read the resource again and retry',
        );
  }
  if (error instanceof LimitReachedError) return limitReached(error);
  if (error instanceof HasChildrenError) return hasChildren(error.entity);
  if (error instanceof AlreadyMemberError) {
    return new ConflictError('ALREADY_MEMBER', 'This user is already a member of the tenant', {
      userId: error.userId,
    });
  }
  if (error instanceof LastAdminError) {
    return new BusinessRuleError(
      'LAST_ADMIN',
      'A tenant keeps at least one ADMIN: promote another member first',
    );
  }
  if (error instanceof UnknownTeamError) {
    return new BusinessRuleError('UNKNOWN_TEAM', `Team ${error.teamId} does not exist in this tenant`, {
      teamIds: [error.teamId],
    });
  }
  if (error instanceof DuplicateInvitationError) {
    return new ConflictError(
      'DUPLICATE_INVITATION',
      `A pending invitation for ${error.email} already exists`,
      {
        email: error.email,
      },
    );
  }
  if (error instanceof InvitationSupersededError) return invitationExpired();
  if (error instanceof TokenConsumedError) {
    return new ConflictError('INVITATION_NOT_PENDING', 'This invitation was already answered', {
      status: 'ACCEPTED',
    });
  }
  if (error instanceof InvitationStateChangedError) {
    return new InvalidStatusTransitionError(error.status, error.requested, []);
  }
  return error;
}

/**
 * The invitee's view (the public token routes): a finished invitation is 409/410 rather than 422, and a
 * changed one (resent meanwhile) a 409 rather than 412.
 */
export function toInviteeAppError(error: unknown): unknown {
  if (error instanceof InvitationStateChangedError) {
    return error.status === 'EXPIRED' ? invitationExpired() : invitationNotPending(error.status);
  }
  if (error instanceof VersionConflictError) {
    return new ConflictError(
      'CONFLICT',
      'The invitation changed meanwhile (it may have been resent); use the newest email',
    );
  }
  return toAppError(error);
}

/** For `.catch(...)` on DAO calls: rethrows the store's finding as this API's error. */
export function rethrowAsAppError(error: unknown): never {
  throw toAppError(error);
}

export function rethrowAsInviteeAppError(error: unknown): never {
  throw toInviteeAppError(error);
}

export function invitationExpired(): GoneError {
  return new GoneError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
}

export function invitationNotPending(status: string): ConflictError {
  return new ConflictError('INVITATION_NOT_PENDING', `This invitation is ${status.toLowerCase()}`, {
    status,
  });
}

export function resendLimit(): BusinessRuleError {
  return new BusinessRuleError('RESEND_LIMIT', `An invitation can be resent at most ${MAX_RESENDS} times`, {
    limit: MAX_RESENDS,
  });
}

function nameTaken(error: NameTakenError): ConflictError {
  if (error.entity === 'ORGANIZATION') {
    return new ConflictError(
      'ORGANIZATION_NAME_TAKEN',
      `An organization named "${error.takenName}" already exists`,
    );
  }
  const thing = error.entity.toLowerCase();
  return new ConflictError(
    `${error.entity}_NAME_TAKEN`,
    `A ${thing} named "${error.takenName}" already exists here`,
    { name: error.takenName },
  );
}

function limitReached(error: LimitReachedError): AppError | LimitReachedError {
  switch (error.what) {
    case 'CHILDREN':
      return new BusinessRuleError(
        'CHILD_LIMIT_REACHED',
        `Its parent already has ${MAX_CHILDREN} ${String(error.details.level).toLowerCase()}s`,
        { limit: MAX_CHILDREN },
      );
    case 'RESENDS':
      return resendLimit();
    case 'TRANSACTION_ITEMS':
      return new BusinessRuleError(
        'CASCADE_TOO_LARGE',
        `Deleting this subtree touches ${String(error.details.items)} items, more than one transaction holds (${error.limit}); ` +
          'delete some of its children first',
        { items: error.details.items, limit: error.limit },
      );
    default:
      return error;
  }
}

function hasChildren(level: string): BusinessRuleError {
  const what = level === 'TEAM' ? 'members' : level === 'GROUP' ? 'teams' : 'groups';
  return new BusinessRuleError(
    'HAS_CHILDREN',
    `The ${level.toLowerCase()} still has ${what}; pass ?cascade=true to delete them too`,
  );
}
