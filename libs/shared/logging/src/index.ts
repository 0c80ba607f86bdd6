export { REDACTED_PATHS, createLogger, type Logger } from './logger';
export { requestContext, type RequestContext } from './request-context';
export { redactUrl } from './redact-url';
