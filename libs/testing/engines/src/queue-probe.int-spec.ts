import { randomUUID } from 'node:crypto';
import { createSqsClient, ensureQueues } from '@bbws/platform-sqs';
import { QueueProbe } from './queue-probe';

describe('QueueProbe (local SQS)', () => {
  const sqs = createSqsClient({ region: 'us-east-1', endpoint: process.env.SQS_ENDPOINT });
  const probe = new QueueProbe(sqs);

  afterAll(() => sqs.destroy());

  it('drains every message (more than one receive returns) and leaves the queue empty', async () => {
    // A stage of its own, so no other suite's consumer takes the messages.
    const urls = await ensureQueues(sqs, `p${randomUUID().slice(0, 8)}`);
    const queueUrl = urls['tenant-events'];
    const bodies = Array.from({ length: 15 }, (_, index) => `message-${index}`);
    for (const body of bodies) await probe.sendRaw(queueUrl, body);
    const drained = await probe.drain(queueUrl);
    expect(drained.map((message) => message.Body).sort()).toEqual([...bodies].sort());
    expect(await probe.depth(queueUrl)).toBe(0);
  });
});
