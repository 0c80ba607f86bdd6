import {
  BbwsApiError,
  BbwsConflictError,
  BbwsForbiddenError,
  BbwsNetworkError,
  BbwsNotFoundError,
  BbwsPreconditionFailedError,
  BbwsRateLimitedError,
  BbwsUnauthorizedError,
  BbwsUnavailableError,
  BbwsValidationError,
} from '@bbws/sdk';

/** `bbws`'s exit codes, one per error class, so scripts can branch on them (README: The bbws command line). */
export const EXIT = {
  OK: 0,
  /** Anything unexpected. */
  ERROR: 1,
  /** Bad command line: unknown command or option, missing argument (commander). */
  USAGE: 2,
  /** 401/403, or no token at all. */
  AUTH: 3,
  /** 404/410. */
  NOT_FOUND: 4,
  /** 409/412: the resource's state or version stands in the way. */
  CONFLICT: 5,
  /** 400/422: the API refused the input. */
  INVALID: 6,
  /** The operation ended FAILED or CANCELLED (`--wait`, `operations watch`). */
  OPERATION_FAILED: 7,
  /** 429/5xx or no answer at all: try again later. */
  UNAVAILABLE: 8,
  /** `--wait` gave up before the operation ended (`--timeout`). */
  TIMEOUT: 9,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof BbwsUnauthorizedError || error instanceof BbwsForbiddenError) return EXIT.AUTH;
  if (error instanceof BbwsNotFoundError) return EXIT.NOT_FOUND;
  if (error instanceof BbwsConflictError || error instanceof BbwsPreconditionFailedError)
    return EXIT.CONFLICT;
  if (error instanceof BbwsValidationError) return EXIT.INVALID;
  if (
    error instanceof BbwsRateLimitedError ||
    error instanceof BbwsUnavailableError ||
    error instanceof BbwsNetworkError
  ) {
    return EXIT.UNAVAILABLE;
  }
  if (error instanceof BbwsApiError) return EXIT.ERROR;
  return EXIT.ERROR;
}

/** The exit code table `bbws --help` ends with. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  unexpected error
  2  usage: unknown command or option, missing or malformed argument
  3  not authenticated (no or invalid token: 401) or not allowed (403)
  4  not found (404/410; also another tenant's resources)
  5  conflict: the resource's state or version stands in the way (409, 412 on a stale --if-match)
  6  invalid input refused by the API (400/422)
  7  the operation ended FAILED or CANCELLED (--wait, operations watch)
  8  unavailable: nothing answered, rate limited or a 5xx; try again later
  9  --wait gave up (--timeout) before the operation ended`;
