import { DomainError } from '@bbws/shared-errors';

/** The local directory was asked for a user whose email is not an email address. */
export class InvalidEmailError extends DomainError {
  constructor(readonly email: string) {
    super('email: must be an email address');
  }
}
