import { BatchGetCommand, GetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { cursorAfter, paginatedQuery, type DynamoContext, type KeyQuery } from '@bbws/data-access-dynamo';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { Member } from './member.entity';
import { memberKeys } from './member.keys';
import { fromMemberItem, toMemberItem } from './member.mapper';

const BATCH_GET_LIMIT = 100;

/** Read side of memberships, shared by every service for authorization. */
export class MembershipReaderDao {
  constructor(private readonly db: DynamoContext) {}

  async find(tenantId: string, userId: string): Promise<Member | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.db.tables.tenants, Key: memberKeys.member(tenantId, userId) }),
    );
    return Item ? fromMemberItem(Item) : null;
  }

  /** One user's memberships in the given tenants (those that exist), one BatchGet per 100 tenants, in the order asked. */
  async findInTenants(tenantIds: readonly string[], userId: string): Promise<Member[]> {
    const table = this.db.tables.tenants;
    const found = new Map<string, Member>();
    for (let start = 0; start < tenantIds.length; start += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] | undefined = tenantIds
        .slice(start, start + BATCH_GET_LIMIT)
        .map((tenantId) => memberKeys.member(tenantId, userId));
      while (keys && keys.length > 0) {
        const result: BatchGetCommandOutput = await this.db.client.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }),
        );
        for (const item of result.Responses?.[table] ?? []) {
          const member = fromMemberItem(item);
          found.set(member.tenantId, member);
        }
        keys = result.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return tenantIds.flatMap((tenantId) => found.get(tenantId) ?? []);
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
