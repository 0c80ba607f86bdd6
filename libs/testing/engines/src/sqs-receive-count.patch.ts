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
export function patchReceiveCount(queue: PatchableQueue): void {
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

/** Patches every queue of a local-aws-sqs service (call before handling each request: queues come and go). */
export function patchAllQueues(service: { Queues: unknown[] }): void {
  for (const queue of service.Queues) patchReceiveCount(queue as PatchableQueue);
}
