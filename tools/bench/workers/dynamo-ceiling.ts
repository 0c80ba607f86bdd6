import { OperationDao } from '@bbws/data-access-operations';
import { buildMessage, cancellersForType, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import type { Side } from './noop-operations';
import { NOOP } from './noop-operations';

/**
 * DynamoDB Local's own ceiling for this workload: `concurrency` loops doing an operation's DynamoDB
 * calls back to back (launch: create with lock, record send; processing: claim, complete), no SQS,
 * no consumer. Operations per second.
 */
export async function dynamoCeiling(side: Side, concurrency: number, durationMs: number): Promise<number> {
  const operations = new OperationDao(side.db);
  let done = 0;
  const deadline = performance.now() + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const operation = pendingOperation();
      await operations.createWithLock(operation);
      await operations.recordSend(operation.operationId);
      const claim = await operations.claim(operation.operationId, 'ceiling', 30_000);
      if (claim.outcome !== 'claimed') throw new Error(`ceiling loop: claim ${claim.outcome}`);
      await operations.complete(claim.operation, 'ceiling', {
        result: { ok: true },
        message: null,
        steps: [],
      });
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return done / ((performance.now() - started) / 1000);
}

function pendingOperation(): Operation {
  const now = new Date();
  const operationId = newId('op');
  const resourceId = newId('site');
  const tenantId = newId('tenant');
  const message = buildMessage(
    NOOP,
    { operationId, tenantId, resourceId, correlationId: resourceId, payload: { sequence: 1 } },
    now,
  );
  return {
    operationId,
    tenantId,
    type: NOOP.messageType,
    status: 'PENDING',
    resourceType: 'site',
    resourceId,
    progress: 0,
    currentStep: null,
    steps: [],
    message: null,
    error: null,
    result: null,
    attempts: 0,
    createdBy: 'bench',
    cancellableBy: cancellersForType(NOOP.messageType),
    createdAt: now.toISOString(),
    startedAt: null,
    completedAt: null,
    updatedAt: now.toISOString(),
    version: 1,
    lease: null,
    deadlineAt: new Date(now.getTime() + 3600_000).toISOString(),
    dispatch: { queue: NOOP.queue, message },
    sentAt: null,
    sendCount: 0,
  };
}
