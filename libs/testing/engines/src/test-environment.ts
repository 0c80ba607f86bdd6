import { SQSClient } from '@aws-sdk/client-sqs';
import { createDynamoClient, defaultTableNames, ensureTables } from '@bbws/data-access-dynamo';
import { ensureQueues } from '@bbws/platform-sqs';

export const TEST_STAGE = 'test';
export const TEST_REGION = 'us-east-1';
export const TEST_AUDIENCE = 'bbws-test';
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Creates the test stage's tables and queues on the given engines (idempotent). */
export async function provisionTestResources(endpoints: { dynamo?: string; sqs?: string }): Promise<void> {
  const jobs: Promise<unknown>[] = [];
  if (endpoints.dynamo) {
    const client = createDynamoClient({ region: TEST_REGION, endpoint: endpoints.dynamo });
    jobs.push(ensureTables(client, defaultTableNames(TEST_STAGE)).finally(() => client.destroy()));
  }
  if (endpoints.sqs) {
    const client = new SQSClient({
      region: TEST_REGION,
      endpoint: endpoints.sqs,
      credentials: TEST_CREDENTIALS,
    });
    jobs.push(ensureQueues(client, TEST_STAGE).finally(() => client.destroy()));
  }
  await Promise.all(jobs);
}
