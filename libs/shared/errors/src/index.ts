export { AppError } from './app.error';
export {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidStatusTransitionError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
  type FieldError,
} from './client.errors';
export { InternalError, UpstreamError, UpstreamTimeoutError } from './server.errors';
