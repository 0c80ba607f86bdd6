import { randomUUID } from 'node:crypto';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  ensureTables,
  type DynamoContext,
  type TableKey,
} from '@bbws/data-access-dynamo';
import { CursorCodec } from '@bbws/shared-hateoas';
import { systemClock, type Clock } from '@bbws/shared-util';

/** A DynamoDB context on the test engines (DynamoDB Local from the Jest global setup), for DAOs under test and for seeding. */
export function testDynamoContext(clock: Clock = systemClock): DynamoContext {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('DYNAMODB_ENDPOINT is not set: run through Jest with the engines global setup');
  return {
    client: createDocumentClient(
      createDynamoClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint }),
    ),
    tables: defaultTableNames(process.env.BBWS_STAGE ?? 'test'),
    cursors: new CursorCodec(process.env.CURSOR_SECRET ?? 'test-cursor-secret-0123456789'),
    clock,
  };
}

/**
 * A context whose `table` is a fresh table of its own (same definition as the shared one): for suites
 * whose items share one partition (the catalogues), so lists and counts are exact while other suites run.
 */
export async function isolatedDynamoContext(
  table: TableKey,
  label: string,
  clock: Clock = systemClock,
): Promise<DynamoContext> {
  const db = testDynamoContext(clock);
  const tables = { ...db.tables, [table]: `${db.tables[table]}-${label}-${randomUUID()}` };
  await ensureTables(
    createDynamoClient({
      region: process.env.AWS_REGION ?? 'us-east-1',
      endpoint: process.env.DYNAMODB_ENDPOINT,
    }),
    tables,
  );
  return { ...db, tables };
}
