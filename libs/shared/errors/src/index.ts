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
export {
  DependencyUnavailableError,
  InternalError,
  UpstreamError,
  UpstreamTimeoutError,
} from './server.errors';
export { dependencyFailure } from './dependency-failure';
export {
  AlreadyExistsError,
  AlreadyMemberError,
  ConcurrentChangeError,
  DomainError,
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
} from './domain.errors';
