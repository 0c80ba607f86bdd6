/**
 * What the data layer found, without an HTTP status: DAOs throw these, services decide what they mean
 * to their callers (a 412 on the admin API, a 409 on the public one, a retry in a worker).
 */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The item a conditional write needed is not there (`entity` as in `TENANT`, `DIVISION`, `MEMBER`). */
export class ItemMissingError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}

/** The item is no longer at the version the change was based on. */
export class VersionConflictError extends DomainError {
  constructor(
    readonly expected: number,
    readonly current?: number,
  ) {
    super(`Expected version ${expected}, found ${current ?? 'another'}`);
  }
}

/** A sibling of the same kind already has this name (`entity` as in `ORGANIZATION`, `GROUP`). */
export class NameTakenError extends DomainError {
  constructor(
    readonly entity: string,
    readonly takenName: string,
  ) {
    super(`A ${entity} named "${takenName}" already exists`);
  }
}

/** An item with this id exists already. */
export class AlreadyExistsError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} already exists`);
  }
}

/** Another write changed an item this transaction depends on (`scope` says which part, when known). */
export class ConcurrentChangeError extends DomainError {
  constructor(readonly scope?: 'SUBTREE' | 'WEBHOOK_COUNT') {
    super(`A concurrent change got in the way${scope ? ` (${scope})` : ''}`);
  }
}

/** A counted thing is at its limit (`what` as in `CHILDREN`, `WEBHOOKS`, `TRANSACTION_ITEMS`). */
export class LimitReachedError extends DomainError {
  constructor(
    readonly what: string,
    readonly limit: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${what}: at most ${limit}`);
  }
}

/** A node still has children (a team: members). */
export class HasChildrenError extends DomainError {
  constructor(readonly entity: string) {
    super(`The ${entity} still has children`);
  }
}

/** The user already has a membership of the tenant. */
export class AlreadyMemberError extends DomainError {
  constructor(readonly userId: string) {
    super(`User ${userId} is already a member`);
  }
}

/** The change would leave the tenant without an ADMIN. */
export class LastAdminError extends DomainError {
  constructor(readonly tenantId: string) {
    super(`Tenant ${tenantId} keeps its last ADMIN`);
  }
}

/** A team the change counts members on does not exist. */
export class UnknownTeamError extends DomainError {
  constructor(readonly teamId: string) {
    super(`Team ${teamId} does not exist`);
  }
}

/** A pending invitation for this email exists already. */
export class DuplicateInvitationError extends DomainError {
  constructor(readonly email: string) {
    super(`A pending invitation for ${email} exists`);
  }
}

/** The invitation left PENDING (or expired) before this change landed. */
export class InvitationStateChangedError extends DomainError {
  constructor(
    readonly status: string,
    readonly requested: string,
  ) {
    super(`The invitation is ${status}`);
  }
}

/** Another invitation for the same email replaced this one, or its pending guard expired. */
export class InvitationSupersededError extends DomainError {
  constructor() {
    super('The invitation is no longer the pending one');
  }
}

/** The invitation's token was used already. */
export class TokenConsumedError extends DomainError {
  constructor() {
    super('The invitation token was used already');
  }
}
