import { AppError } from '@bbws/shared-errors';

/** The caller's email matches nothing until the identity provider has verified it (403). */
export class EmailNotVerifiedError extends AppError {
  readonly status = 403;
  constructor() {
    super(
      'EMAIL_NOT_VERIFIED',
      'Verify your email address with the identity provider first, then sign in again to answer this invitation',
    );
  }
}
