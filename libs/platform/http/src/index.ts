export { HttpConventionsModule, type HttpConventionsOptions } from './http-conventions.module';
export { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency.interceptor';
export { Idempotent } from './idempotent.decorator';
export { IfMatch, etag } from './if-match.decorator';
export { PageQueryDto, pageRequest } from './page-query.dto';
export { ParseIdPipe, ParseUserIdPipe, TenantIdPipe } from './parse-id.pipe';
export { MaxJsonBytes, ORGANIZATION_NAME_PATTERN } from './validators';
export { Trim, UpperCase } from './transforms';
