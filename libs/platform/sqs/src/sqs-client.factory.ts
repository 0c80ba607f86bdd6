import { SQSClient } from '@aws-sdk/client-sqs';

/** The SQS client, for code that holds one without sending commands itself. */
export type SqsClient = SQSClient;

export interface SqsConnection {
  region: string;
  /** Set for the local SQS server; unset in AWS. */
  endpoint?: string;
}

/** One SQS client per process; local endpoints take static credentials. */
export function createSqsClient(connection: SqsConnection): SQSClient {
  return new SQSClient({
    region: connection.region,
    // Each command class's middleware is resolved once, not on every send.
    cacheMiddleware: true,
    ...(connection.endpoint
      ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}
