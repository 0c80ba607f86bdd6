import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { ensureQueues } from '@bbws/platform-sqs';
import { QUEUE_DEFINITIONS, queueName } from '@bbws/shared-contracts';
import { answersHttp } from './wait-until.util';
import { startSqs } from './sqs.engine';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

function sqsClient(endpoint = process.env.SQS_ENDPOINT): SQSClient {
  return new SQSClient({ region: 'us-east-1', endpoint, credentials });
}

describe('local SQS started by the test setup', () => {
  const client = sqsClient();

  afterAll(() => client.destroy());

  it('answers on the endpoint exported to the tests and holds every test-stage queue', async () => {
    expect(process.env.SQS_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { QueueUrls } = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'bbws-' }));
    const names = (QueueUrls ?? []).map((url) => url.split('/').pop());
    expect(names).toEqual(
      expect.arrayContaining(QUEUE_DEFINITIONS.map((definition) => queueName(definition.key, 'test'))),
    );
  });

  it.each(
    QUEUE_DEFINITIONS.filter((definition) => definition.deadLetter).map((definition) => [
      definition.key,
      definition,
    ]),
  )('gives the %s queue a redrive policy to its DLQ', async (_key, definition) => {
    const { QueueUrl } = await client.send(
      new GetQueueUrlCommand({ QueueName: queueName(definition.key, 'test') }),
    );
    const { QueueUrl: dlqUrl } = await client.send(
      new GetQueueUrlCommand({ QueueName: queueName(definition.deadLetter!.queue, 'test') }),
    );
    const [{ Attributes }, { Attributes: dlq }] = await Promise.all([
      client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] })),
      client.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] })),
    ]);
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: dlq?.QueueArn,
      maxReceiveCount: definition.deadLetter!.maxReceiveCount,
    });
    expect(Attributes?.VisibilityTimeout).toBe(String(definition.visibilityTimeoutSeconds));
  });

  it('moves a message received three times without being deleted to the DLQ', async () => {
    // A stage of its own, so no other suite's consumer can take the message.
    const urls = await ensureQueues(client, `t${randomUUID().slice(0, 8)}`);
    await client.send(
      new SendMessageCommand({ QueueUrl: urls['site-creation'], MessageBody: '{"attempt":"poison"}' }),
    );
    for (let receive = 1; receive <= 3; receive += 1) {
      const { Messages } = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: urls['site-creation'],
          VisibilityTimeout: 1,
          WaitTimeSeconds: 5,
          // local-aws-sqs ignores MessageSystemAttributeNames; the older AttributeNames works on both.
          AttributeNames: ['All'],
        }),
      );
      expect(Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe(String(receive));
    }
    const { Messages: dead } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: urls['site-operations-dlq'], WaitTimeSeconds: 5 }),
    );
    expect(dead?.map((message) => message.Body)).toEqual(['{"attempt":"poison"}']);
    const { Messages: left } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: urls['site-creation'] }),
    );
    expect(left ?? []).toHaveLength(0);
  }, 30_000);
});

describe('startSqs', () => {
  it('serves the SQS JSON protocol on 127.0.0.1 and frees its port when stopped', async () => {
    const engine = await startSqs();
    const client = sqsClient(engine.endpoint);
    try {
      const { QueueUrl } = await client
        .send(new GetQueueUrlCommand({ QueueName: 'missing' }))
        .catch((error: Error) => ({
          QueueUrl: error.name,
        }));
      expect(QueueUrl).toBe('QueueDoesNotExist');
    } finally {
      client.destroy();
      await engine.stop();
    }
    expect(await answersHttp(engine.endpoint)).toBe(false);
  });
});
