import { OperationDao } from '@bbws/data-access-operations';
import { newId } from '@bbws/shared-util';
import { testDynamoContext } from '@bbws/testing-factories';
import { seedOperations } from './operation-seeder';

const db = testDynamoContext();
const dao = new OperationDao(db);

describe('seedOperations (the lists bench)', () => {
  it("writes operations the operations DAO lists as the tenant's, newest first, page after page", async () => {
    const tenantId = newId('tenant');
    const other = newId('tenant');
    expect(await seedOperations(db, tenantId, 60)).toBe(60);
    await seedOperations(db, other, 30);

    const seen: string[] = [];
    let startAt: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const result = await dao.listByTenant(tenantId, {}, { pageSize: 20, ...(startAt ? { startAt } : {}) });
      expect(result.items).toHaveLength(20);
      for (const operation of result.items) {
        expect(operation).toMatchObject({
          tenantId,
          status: 'COMPLETED',
          progress: 100,
          resourceType: 'site',
        });
      }
      seen.push(...result.items.map((operation) => operation.createdAt));
      startAt = result.nextStartAt ?? undefined;
    }
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen).size).toBe(60);
    const after = startAt ? await dao.listByTenant(tenantId, {}, { pageSize: 20, startAt }) : undefined;
    expect(after?.items ?? []).toHaveLength(0);
  });

  it('stops taking batches at its deadline and says how many it wrote', async () => {
    const tenantId = newId('tenant');
    expect(await seedOperations(db, tenantId, 1_000, performance.now())).toBe(0);
    const written = await seedOperations(db, tenantId, 1_000, performance.now() + 1, 1);
    expect(written % 25).toBe(0);
    expect(written).toBeLessThan(1_000);
    const listed = await dao.listByTenant(tenantId, {}, { pageSize: 100 });
    expect(listed.items.length).toBe(Math.min(written, 100));
  });
});
