export { AuthGuard, type AuthenticatedRequest } from './auth.guard';
export { AuthModule } from './auth.module';
export { PLATFORM_ADMIN_GROUP, type Caller } from './caller';
export { CurrentCaller } from './current-caller.decorator';
export { JwtVerifier, type JwtSettings } from './jwt-verifier';
export type { MembershipLookup, TenantMembership } from './membership-lookup.port';
export { requirePlatformAdmin } from './platform-admin';
export { TenantAccessService, type RoleRequirement, type TenantAccess } from './tenant-access.service';
