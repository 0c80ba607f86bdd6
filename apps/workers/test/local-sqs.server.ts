import { createServer } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';

interface RecordEntry {
  record: { MessageId: string; attributes: Record<string, string> };
}

interface PatchableQueue {
  newRecord: (message: Record<string, unknown>, delay?: number) => RecordEntry;
  changeVisibility: (receiptHandle: string, timeout: string) => boolean;
  delete: (receiptHandle: string) => boolean;
  [PATCHED]?: true;
}

const PATCHED = Symbol('receive-count-patched');

/** Receipt handles of local-aws-sqs embed `"MessageId":"..."` in base64. */
function messageIdOf(receiptHandle: string): string | undefined {
  return /"MessageId":"([^"]+)"/.exec(Buffer.from(receiptHandle, 'base64').toString('utf8'))?.[1];
}

/**
 * local-aws-sqs 2.0.2 (the latest) counts a ChangeMessageVisibility as a receive, unlike SQS: a
 * backoff or a heartbeat would use up the message's receives and send it to the DLQ early. This
 * keeps the count where the last real receive left it.
 */
function patchReceiveCount(queue: PatchableQueue): void {
  if (queue[PATCHED]) return;
  queue[PATCHED] = true;
  const entries = new Map<string, RecordEntry>();
  const newRecord = queue.newRecord;
  queue.newRecord = (message, delay) => {
    const entry = newRecord(message, delay);
    entries.set(entry.record.MessageId, entry);
    return entry;
  };
  const changeVisibility = queue.changeVisibility.bind(queue);
  queue.changeVisibility = (receiptHandle, timeout) => {
    const entry = entries.get(messageIdOf(receiptHandle) ?? '');
    const count = entry?.record.attributes.ApproximateReceiveCount;
    const changed = changeVisibility(receiptHandle, timeout);
    if (entry && count !== undefined) entry.record.attributes.ApproximateReceiveCount = count;
    return changed;
  };
  const remove = queue.delete.bind(queue);
  queue.delete = (receiptHandle) => {
    entries.delete(messageIdOf(receiptHandle) ?? '');
    return remove(receiptHandle);
  };
}

export interface LocalSqs {
  endpoint: string;
  stop(): Promise<void>;
}

/** An in-process local SQS on a free 127.0.0.1 port, with receive counts as SQS keeps them. */
export async function startLocalSqs(region = process.env.AWS_REGION ?? 'us-east-1'): Promise<LocalSqs> {
  const { service, requestHandler } = createRequestHandler({ port: 0, hostname: '127.0.0.1', region });
  const queues = service as unknown as { Queues: PatchableQueue[]; PORT: number; resetAll(): void };
  const server = createServer((req, res) => {
    for (const queue of queues.Queues) patchReceiveCount(queue);
    void requestHandler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  queues.PORT = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${queues.PORT}`,
    stop: async () => {
      queues.resetAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
