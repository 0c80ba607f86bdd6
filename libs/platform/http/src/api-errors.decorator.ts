import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const ERROR_ANSWERS = {
  400: 'VALIDATION_ERROR: a malformed body, query, path id or header',
  401: 'UNAUTHORIZED: no bearer token, or one that is invalid or expired',
  403: 'FORBIDDEN: the caller lacks the role this route needs',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict with the current state (a duplicate, or a request with the same Idempotency-Key in progress)',
  410: 'Gone (expired)',
  412: 'PRECONDITION_FAILED: If-Match names a version other than the current one',
  422: 'A business rule refuses the change (code names the rule)',
  429: 'RATE_LIMITED, with Retry-After',
} as const;

export type ErrorStatus = keyof typeof ERROR_ANSWERS;

/** Documents the error answers a route (or every route of a controller) can give, each with the error envelope. */
export const ApiErrors = (...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_ANSWERS[status], type: ErrorResponseDto }),
    ),
  );
