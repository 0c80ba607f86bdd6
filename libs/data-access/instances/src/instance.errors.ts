import { DomainError } from '@bbws/shared-errors';

/** The tenant already has a live instance in this environment. */
export class InstanceExistsError extends DomainError {
  constructor(
    readonly environment: string,
    readonly existingInstanceId?: string,
  ) {
    super(`An instance already exists in ${environment}`);
  }
}

/** Another instance of the environment holds this slug (or this listener-rule priority). */
export class InstanceGuardTakenError extends DomainError {
  constructor(
    readonly guard: 'SLUG' | 'PRIORITY',
    readonly value: string,
  ) {
    super(`The ${guard.toLowerCase()} ${value} is taken in this environment`);
  }
}

/** The instance is at the expected version but no longer in a status the change starts from. */
export class InstanceStatusChangedError extends DomainError {
  constructor(
    readonly currentStatus: string,
    readonly expectedStatuses: readonly string[],
  ) {
    super(`The instance is ${currentStatus}, not ${expectedStatuses.join(' or ')}`);
  }
}
