export { TENANT_ROLES, type Member, type TenantRole } from './member.entity';
export { memberKeys } from './member.keys';
export { fromMemberItem, toMemberItem } from './member.mapper';
export { MembershipReaderDao } from './membership-reader.dao';
export { TenantSummaryReader, type TenantSummary } from './tenant-summary.reader';
