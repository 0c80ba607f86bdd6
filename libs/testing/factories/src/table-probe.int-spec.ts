import { randomUUID } from 'node:crypto';
import { TableProbe } from './table-probe';
import { testDynamoContext } from './test-dynamo';

describe('TableProbe (DynamoDB Local)', () => {
  const db = testDynamoContext();
  const probe = new TableProbe(db);

  it('puts more items than one BatchWrite takes and reads the partition back as stored', async () => {
    const pk = `TEST#${randomUUID()}`;
    const items = Array.from({ length: 60 }, (_, index) => ({
      PK: pk,
      SK: `ITEM#${String(index).padStart(3, '0')}`,
      entityType: 'TEST',
      index,
    }));
    await probe.putAll('tenants', items);
    expect(await probe.partition('tenants', pk)).toEqual(items);
    expect(await probe.partition('tenants', `TEST#${randomUUID()}`)).toEqual([]);
  });

  it('sets the given attributes of one item and leaves the others', async () => {
    const key = { PK: `TEST#${randomUUID()}`, SK: 'ITEM' };
    await probe.putAll('instances', [{ ...key, entityType: 'TEST', childCount: 1, name: 'kept' }]);
    await probe.set('instances', key, { childCount: 99, status: 'ACTIVE' });
    expect(await probe.partition('instances', key.PK)).toEqual([
      { ...key, entityType: 'TEST', childCount: 99, name: 'kept', status: 'ACTIVE' },
    ]);
  });
});
