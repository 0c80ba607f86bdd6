import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface DynamoConnection {
  region: string;
  /** Set for DynamoDB Local; unset in AWS. */
  endpoint?: string;
}

/**
 * Time and retry budget: a dead or unreachable DynamoDB must fail a request within ~2 s so the API
 * answers 503 DEPENDENCY_UNAVAILABLE instead of hanging. A refused or reset connection (a dead engine)
 * fails at once and is retried twice with the SDK's jittered backoff (~0.1-0.3 s in all). In AWS a
 * connection that cannot be opened gives up after 1 s and a request that hangs once connected after
 * 3 s (DynamoDB answers in milliseconds; 3 s is far beyond its p99.99). DynamoDB Local gets 3 s and
 * 10 s: a loaded 2-core machine makes its accept queue overflow in bursts (the kernel retries a
 * dropped SYN after 1 s) and slows table creation and bulk seeding to seconds.
 */
export const DYNAMO_TIMEOUTS = {
  connectionTimeoutMs: { aws: 1000, local: 3000 },
  requestTimeoutMs: { aws: 3000, local: 10_000 },
  maxAttempts: 3,
} as const;

/** One client per process: keep-alive sockets, no retries on conditional failures (they are answers). */
export function createDynamoClient(connection: DynamoConnection): DynamoDBClient {
  const local = connection.endpoint !== undefined;
  const requestHandler = new NodeHttpHandler({
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
    connectionTimeout: DYNAMO_TIMEOUTS.connectionTimeoutMs[local ? 'local' : 'aws'],
    requestTimeout: DYNAMO_TIMEOUTS.requestTimeoutMs[local ? 'local' : 'aws'],
  });
  return new DynamoDBClient({
    region: connection.region,
    maxAttempts: DYNAMO_TIMEOUTS.maxAttempts,
    requestHandler,
    ...(local
      ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
