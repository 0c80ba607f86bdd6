import {
  batchGetItems,
  cursorAfter,
  inKeyOrder,
  paginatedQuery,
  type DynamoContext,
  type KeyQuery,
  getItem,
} from '@bbws/data-access-dynamo';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Member } from './member.entity';
import { memberKeys } from './member.keys';
import { fromMemberItem, toMemberItem } from './member.mapper';

/** Read side of memberships, shared by every service for authorization. */
export class MembershipReaderDao {
  constructor(private readonly db: DynamoContext) {}

  async find(tenantId: string, userId: string): Promise<Member | null> {
    const item = await getItem(this.db.client, this.db.tables.tenants, memberKeys.member(tenantId, userId), {
      consistent: false,
    });
    return item ? fromMemberItem(item) : null;
  }

  /** One user's memberships in the given tenants (those that exist), one BatchGet per 100 tenants, in the order asked. */
  async findInTenants(tenantIds: readonly string[], userId: string): Promise<Member[]> {
    const keys = tenantIds.map((tenantId) => memberKeys.member(tenantId, userId));
    const found = await batchGetItems(this.db.client, this.db.tables.tenants, keys, { consistent: false });
    return inKeyOrder(keys, found).map(fromMemberItem);
  }

  /** A user's memberships across tenants (GSI1), in tenant-id order. */
  async listByUser(userId: string, page: PageRequest): Promise<Page<Member>> {
    const result = await paginatedQuery(this.db.client, this.db.cursors, { ...this.byUser(userId), ...page });
    return { items: result.items.map(fromMemberItem), nextStartAt: result.nextStartAt };
  }

  /** A cursor of {@link listByUser} that continues right after `member` (for pages cut short by a filter). */
  cursorAfter(member: Member): string {
    return cursorAfter(this.db.cursors, this.byUser(member.userId), toMemberItem(member));
  }

  private byUser(userId: string): Omit<KeyQuery, 'pageSize' | 'startAt'> {
    return {
      tableName: this.db.tables.tenants,
      index: 'GSI1',
      partition: memberKeys.userTenants(userId),
      sortKey: { beginsWith: 'TENANT#' },
    };
  }
}
