import { randomUUID } from 'node:crypto';
import { ConcurrentChangeError, ItemMissingError, VersionConflictError } from '@bbws/shared-errors';
import { batchGetItems, inKeyOrder } from './batch-get';
import { createDocumentClient, createDynamoClient } from './dynamo-client.factory';
import { put, putNew, versionedUpdate } from './expressions';
import { defaultTableNames } from './table-definitions';
import { MAX_TRANSACTION_ITEMS, TransactionBuilder, staleOrMissing } from './transaction.builder';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const client = createDocumentClient(createDynamoClient({ region: 'us-east-1', endpoint }));
const table = defaultTableNames(process.env.BBWS_STAGE ?? 'test').tenants;

const partition = () => `TEST#${randomUUID()}`;
const item = (pk: string, sk: string, extra: Record<string, unknown> = {}) => ({ PK: pk, SK: sk, ...extra });

describe('TransactionBuilder (DynamoDB Local)', () => {
  it('writes every item or none, and names the failed item through its own failure', async () => {
    const pk = partition();
    await new TransactionBuilder().add(putNew(table, item(pk, 'A', { version: 3 }))).commit(client);
    const failed = new TransactionBuilder()
      .add(putNew(table, item(pk, 'B')))
      .add(
        versionedUpdate({ tableName: table, key: { PK: pk, SK: 'A' }, set: { x: 1 }, expectedVersion: 2 }),
        staleOrMissing(2, () => new ItemMissingError('THING', 'A')),
      )
      .commit(client);
    await expect(failed).rejects.toEqual(new VersionConflictError(2, 3));
    const found = await batchGetItems(client, table, [{ PK: pk, SK: 'B' }]);
    expect(found.size).toBe(0);
  });

  it('maps a missing item through `staleOrMissing` and an unmapped failure to ConcurrentChangeError', async () => {
    const pk = partition();
    const missing = new TransactionBuilder().add(
      versionedUpdate({ tableName: table, key: { PK: pk, SK: 'none' }, set: { x: 1 }, expectedVersion: 1 }),
      staleOrMissing(1, () => new ItemMissingError('THING', 'none')),
    );
    await expect(missing.commit(client)).rejects.toEqual(new ItemMissingError('THING', 'none'));
    await new TransactionBuilder().add(put(table, item(pk, 'C'))).commit(client);
    await expect(
      new TransactionBuilder().add(putNew(table, item(pk, 'C'))).commit(client),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
  });

  it(`refuses more than ${MAX_TRANSACTION_ITEMS} items before sending anything`, async () => {
    const pk = partition();
    const tx = new TransactionBuilder();
    for (let i = 0; i <= MAX_TRANSACTION_ITEMS; i += 1) tx.add(put(table, item(pk, `I${i}`)));
    expect(tx.size).toBe(MAX_TRANSACTION_ITEMS + 1);
    await expect(tx.commit(client)).rejects.toThrow(/at most 100 items/);
    expect((await batchGetItems(client, table, [{ PK: pk, SK: 'I0' }])).size).toBe(0);
  });
});

describe('batchGetItems (DynamoDB Local)', () => {
  it('reads more than one call holds, leaves missing keys out and keeps the order asked', async () => {
    const pk = partition();
    const stored = Array.from({ length: 130 }, (_, n) => ({
      PK: pk,
      SK: `K${String(n).padStart(3, '0')}`,
      n,
    }));
    for (let start = 0; start < stored.length; start += 25) {
      const tx = new TransactionBuilder();
      for (const entry of stored.slice(start, start + 25)) tx.add(put(table, entry));
      await tx.commit(client);
    }
    const keys = [...stored.map(({ PK, SK }) => ({ PK, SK })).reverse(), { PK: pk, SK: 'absent' }];
    const found = await batchGetItems(client, table, keys);
    expect(found.size).toBe(130);
    const ordered = inKeyOrder(keys, found);
    expect(ordered.map((entry) => entry.n)).toEqual(stored.map((entry) => entry.n).reverse());
    const eventual = await batchGetItems(client, table, keys.slice(0, 3), { consistent: false });
    expect(eventual.size).toBe(3);
  });
});
