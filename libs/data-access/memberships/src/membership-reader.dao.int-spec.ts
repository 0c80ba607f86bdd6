import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { buildMember, testDynamoContext } from '@bbws/testing-factories';
import type { Member } from './member.entity';
import { toMemberItem } from './member.mapper';
import { MembershipReaderDao } from './membership-reader.dao';

const db = testDynamoContext();

async function store(members: Member[]): Promise<void> {
  for (let start = 0; start < members.length; start += 25) {
    const puts = members
      .slice(start, start + 25)
      .map((member) => ({ PutRequest: { Item: toMemberItem(member) } }));
    await db.client.send(new BatchWriteCommand({ RequestItems: { [db.tables.tenants]: puts } }));
  }
}

describe('MembershipReaderDao (DynamoDB Local)', () => {
  const dao = new MembershipReaderDao(db);

  it("finds a user's memberships in many tenants by key, in the order asked, leaving out the others", async () => {
    const userId = randomUUID();
    const members = Array.from({ length: 130 }, () => buildMember({ userId }));
    await store(members);
    const asked = [...members.map((member) => member.tenantId).reverse(), `tenant-${randomUUID()}`];
    const found = await dao.findInTenants(asked, userId);
    expect(found.map((member) => member.tenantId)).toEqual(asked.slice(0, 130));
    expect(found[0]).toEqual(members[129]);
    expect(await dao.findInTenants(asked.slice(0, 3), randomUUID())).toEqual([]);
  });

  it("continues a user's list right after a given membership", async () => {
    const userId = randomUUID();
    await store([buildMember({ userId }), buildMember({ userId }), buildMember({ userId })]);
    const all = (await dao.listByUser(userId, { pageSize: 10 })).items;
    expect(all).toHaveLength(3);
    const rest = await dao.listByUser(userId, { pageSize: 10, startAt: dao.cursorAfter(all[0]) });
    expect(rest.items).toEqual(all.slice(1));
    await expect(
      dao.listByUser(randomUUID(), { pageSize: 10, startAt: dao.cursorAfter(all[0]) }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});
