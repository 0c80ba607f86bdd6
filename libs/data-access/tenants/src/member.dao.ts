import { putNew, transactWrite, versionedUpdate, type DynamoContext } from '@bbws/data-access-dynamo';
import { toMemberItem, type Member } from '@bbws/data-access-memberships';
import { ConflictError, NotFoundError } from '@bbws/shared-errors';
import type { AuditEvent } from './tenant.entity';
import { tenantKeys } from './tenant.keys';
import type { TenantDao } from './tenant.dao';

/** Membership writes, each in one transaction with the tenant's admin counter and an audit event. */
export class MemberDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: TenantDao,
  ) {}

  async add(member: Member, audit: AuditEvent): Promise<void> {
    await transactWrite(
      this.db.client,
      [
        putNew(this.db.tables.tenants, toMemberItem(member)),
        versionedUpdate({
          tableName: this.db.tables.tenants,
          key: tenantKeys.tenant(member.tenantId),
          set: { updatedAt: member.joinedAt },
          add: { adminCount: member.role === 'ADMIN' ? 1 : 0 },
        }),
        this.tenants.auditPut(audit),
      ],
      ({ index }) =>
        index === 0
          ? new ConflictError('ALREADY_MEMBER', 'This user is already a member of the tenant', { userId: member.userId })
          : new NotFoundError('TENANT', member.tenantId),
    );
  }
}
