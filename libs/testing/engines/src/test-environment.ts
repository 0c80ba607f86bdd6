import { SQSClient } from '@aws-sdk/client-sqs';
import { artifactsBucketName } from '@bbws/integrations-artifacts';
import { ensureBuckets } from '@bbws/integrations-local-artifacts';
import { createDynamoClient, defaultTableNames, ensureTables } from '@bbws/data-access-dynamo';
import { ensureQueues } from '@bbws/platform-sqs';

export const TEST_STAGE = 'test';
export const TEST_REGION = 'us-east-1';
export const TEST_AUDIENCE = 'bbws-test';
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_ARTIFACTS_BUCKET = artifactsBucketName(TEST_STAGE);

/** Creates the test stage's tables, queues and artifacts bucket on the given engines (idempotent). */
export async function provisionTestResources(endpoints: {
  dynamo?: string;
  sqs?: string;
  s3?: string;
}): Promise<void> {
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
  if (endpoints.s3)
    jobs.push(ensureBuckets(endpoints.s3, [TEST_ARTIFACTS_BUCKET], TEST_CREDENTIALS, TEST_REGION));
  await Promise.all(jobs);
}
