import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  type DynamoContext,
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
