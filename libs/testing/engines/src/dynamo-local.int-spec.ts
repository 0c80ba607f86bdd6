import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  TABLE_DEFINITIONS,
  TABLE_KEYS,
  createDynamoClient,
  defaultTableNames,
} from '@bbws/data-access-dynamo';
import { startDynamoLocal } from './dynamo-local.engine';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('DynamoDB Local started by the test setup', () => {
  const client = createDynamoClient({ region: 'us-east-1', endpoint: process.env.DYNAMODB_ENDPOINT });
  const tables = defaultTableNames('test');

  afterAll(() => client.destroy());

  it('answers on the endpoint exported to the tests, on 127.0.0.1', async () => {
    expect(process.env.DYNAMODB_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).toEqual(expect.arrayContaining(Object.values(tables)));
  });

  it.each(TABLE_KEYS)('creates the %s table with its GSIs projecting all attributes', async (key) => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tables[key] }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema?.map((part) => part.AttributeName),
      projection: index.Projection?.ProjectionType,
    }));
    expect(indexes).toEqual(
      expect.arrayContaining(
        TABLE_DEFINITIONS[key].indexes.map((name) => ({
          name,
          keys: [`${name}PK`, `${name}SK`],
          projection: 'ALL',
        })),
      ),
    );
    expect(indexes).toHaveLength(TABLE_DEFINITIONS[key].indexes.length);
  });

  it.each(TABLE_KEYS)('enables TTL on the ttl attribute of the %s table', async (key) => {
    const { TimeToLiveDescription } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: tables[key] }),
    );
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
  });
});

describe('startDynamoLocal with a database folder', () => {
  let dbPath: string;

  beforeAll(async () => {
    dbPath = await mkdtemp(path.join(tmpdir(), 'bbws-ddb-'));
  });

  afterAll(() => rm(dbPath, { recursive: true, force: true }));

  it('keeps tables and items across a restart and leaves no process behind when stopped', async () => {
    const first = await startDynamoLocal({ dbPath });
    const client = createDynamoClient({ region: 'eu-west-1', endpoint: first.endpoint });
    await client.send(
      new CreateTableCommand({
        TableName: 'persisted',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      }),
    );
    await client.send(new PutItemCommand({ TableName: 'persisted', Item: { PK: { S: 'kept' } } }));
    client.destroy();
    await first.stop();
    expect(isRunning(first.pid)).toBe(false);

    const second = await startDynamoLocal({ dbPath });
    // -sharedDb: a client with another region and credentials sees the same database.
    const other = createDynamoClient({ region: 'us-east-1', endpoint: second.endpoint });
    try {
      const { Item } = await other.send(
        new GetItemCommand({ TableName: 'persisted', Key: { PK: { S: 'kept' } } }),
      );
      expect(Item).toEqual({ PK: { S: 'kept' } });
    } finally {
      other.destroy();
      await second.stop();
    }
    expect(isRunning(second.pid)).toBe(false);
  }, 90_000);
});
