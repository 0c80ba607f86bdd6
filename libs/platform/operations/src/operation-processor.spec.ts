import { IsString } from 'class-validator';
import { WorkerShutdownError, type MessageContext } from '@bbws/platform-sqs';
import {
  LeaseLostError,
  MESSAGES,
  MalformedMessageError,
  defineMessage,
  isTerminalStatus,
  type ClaimResult,
  type Operation,
  type OperationStep,
  type ParsedMessage,
  type TenantLifecycleRequestedPayload,
} from '@bbws/shared-contracts';
import { BusinessRuleError, UpstreamError } from '@bbws/shared-errors';
import { createLogger } from '@bbws/shared-logging';
import { systemClock } from '@bbws/shared-util';
import { buildOperation } from '@bbws/testing-factories';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { OperationContext } from './operation-context';
import type { OperationHandler } from './operation-processor';
import { OperationProcessor } from './operation-processor';
import type { OperationRunStore } from './operation-store.port';

class Payload {
  @IsString() name!: string;
}
const CONTRACT = defineMessage({
  messageType: 'UNIT_TEST',
  schemaVersion: 1,
  queue: 'site-update',
  kind: 'operation',
  payload: Payload,
});
const TENANT = 'tenant-11111111-1111-4111-8111-111111111111';

function operation(overrides: Partial<Operation> = {}): Operation {
  return buildOperation(
    {
      operationId: 'op-22222222-2222-4222-8222-222222222222',
      tenantId: TENANT,
      type: 'UNIT_TEST',
      status: 'IN_PROGRESS',
      resourceType: 'site',
      resourceId: 'site-1',
      attempts: 1,
      createdBy: 'u',
      lease: { owner: 'me', expiresAt: new Date(Date.now() + 30_000).toISOString() },
      deadlineAt: '2099-01-01T00:00:00.000Z',
      sendCount: 1,
      ...overrides,
    },
    new Date('2026-01-01T00:00:00.000Z'),
  );
}

/** A typed fake of the store that records what the processor asked of it. */
class FakeStore implements OperationRunStore {
  stored: Operation | null = operation({ status: 'PENDING', lease: null, attempts: 0 });
  claimResult: ClaimResult = { outcome: 'claimed', operation: operation() };
  /** Claims that took the lease. */
  claims = 0;
  calls: string[] = [];
  failures: unknown[] = [];
  get = async () => this.stored;
  /** Like the DAO: an operation of another tenant or type than expected comes back untouched. */
  claim = async (
    _id: string,
    _owner: string,
    _leaseMs: number,
    expected?: { tenantId: string | null; type: string },
  ): Promise<ClaimResult> => {
    const stored = this.stored;
    if (!stored) return { outcome: 'missing' };
    if (expected && (stored.tenantId !== expected.tenantId || stored.type !== expected.type))
      return { outcome: isTerminalStatus(stored.status) ? 'terminal' : 'busy', operation: stored };
    if (this.claimResult.outcome === 'claimed') this.claims += 1;
    return this.claimResult;
  };
  heartbeat = async () => void this.calls.push('heartbeat');
  saved: { steps: OperationStep[] }[] = [];
  saveProgress = async (_id: string, _owner: string, update: { steps: OperationStep[] }) => {
    this.calls.push('saveProgress');
    this.saved.push(update);
  };
  releaseLease = async (_id: string, _owner: string, message: string | null) =>
    void this.calls.push(`release:${message}`);
  complete = async () => void this.calls.push('complete');
  fail = async (_op: Operation, _owner: string | null, failure: unknown, _extra?: ExtraWrites) => {
    this.calls.push('fail');
    this.failures.push(failure);
    return true;
  };
}

function message(): ParsedMessage {
  return {
    contract: CONTRACT,
    envelope: {
      messageType: 'UNIT_TEST',
      schemaVersion: 1,
      operationId: 'op-22222222-2222-4222-8222-222222222222',
      tenantId: TENANT,
      resourceId: 'site-1',
      correlationId: 'c',
      idempotencyKey: 'k',
      issuedAt: '2026-01-01T00:00:00.000Z',
      payload: { name: 'x' },
    },
  } as ParsedMessage;
}

function context(receiveCount = 1, signal = new AbortController().signal): MessageContext {
  return {
    queue: {
      key: 'site-update',
      name: 'q',
      url: 'u',
      arn: 'a',
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
      deadLetterUrl: 'd',
    },
    messageId: 'm',
    receiveCount,
    isLastReceive: receiveCount >= 3,
    signal,
    logger: createLogger({ name: 'test', level: 'silent' }),
  };
}

describe('OperationProcessor error policy', () => {
  let store: FakeStore;
  let run: jest.Mock;
  let processor: OperationProcessor;

  beforeEach(() => {
    store = new FakeStore();
    run = jest.fn();
    const handler: OperationHandler<Payload> = { contract: CONTRACT, run };
    processor = new OperationProcessor(
      [handler],
      store,
      null,
      systemClock,
      createLogger({ name: 'test', level: 'silent' }),
      {
        name: 'unit',
        owner: 'me',
        leaseMs: 30_000,
        retry: { baseSeconds: 4, maxSeconds: 60 },
      },
    );
  });

  it('completes and acknowledges when the handler succeeds', async () => {
    run.mockResolvedValue({ result: { ok: true } });
    expect(await processor.handle(message(), context())).toEqual({ action: 'ack' });
    expect(store.calls).toEqual(['complete']);
  });

  it('acknowledges a message whose operation is already terminal, without running anything', async () => {
    store.claimResult = { outcome: 'terminal', operation: operation({ status: 'COMPLETED' }) };
    expect(await processor.handle(message(), context())).toEqual({ action: 'ack' });
    expect(run).not.toHaveBeenCalled();
  });

  it('leaves an operation a live worker holds to it, retrying after its lease', async () => {
    store.claimResult = {
      outcome: 'busy',
      operation: operation({
        lease: { owner: 'other', expiresAt: new Date(Date.now() + 10_000).toISOString() },
      }),
    };
    const outcome = await processor.handle(message(), context());
    expect(outcome).toMatchObject({ action: 'retry' });
    expect((outcome as { delaySeconds: number }).delaySeconds).toBeGreaterThanOrEqual(10);
    expect(run).not.toHaveBeenCalled();
  });

  it('dead-letters a message for an operation that does not exist, without claiming', async () => {
    store.stored = null;
    expect(await processor.handle(message(), context())).toEqual({
      action: 'dead-letter',
      reason: 'OPERATION_NOT_FOUND: op-22222222-2222-4222-8222-222222222222',
    });
    store.stored = operation({ status: 'PENDING' });
    store.claimResult = { outcome: 'missing' };
    expect(await processor.handle(message(), context())).toMatchObject({ action: 'dead-letter' });
  });

  it('dead-letters a message of another tenant than its operation, which the claim refused (no lease taken)', async () => {
    store.stored = operation({ tenantId: 'tenant-33333333-3333-4333-8333-333333333333' });
    expect(await processor.handle(message(), context())).toEqual({
      action: 'dead-letter',
      reason: `TENANT_MISMATCH: the message names ${TENANT}, the operation tenant-33333333-3333-4333-8333-333333333333`,
    });
    expect(store.claims).toBe(0);
    expect(store.calls).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it('dead-letters a message of another type than its operation, which the claim refused (no lease taken)', async () => {
    store.stored = operation({ type: 'SITE_DELETION' });
    expect(await processor.handle(message(), context())).toEqual({
      action: 'dead-letter',
      reason: 'OPERATION_TYPE_MISMATCH: a UNIT_TEST message cannot run a SITE_DELETION operation',
    });
    expect(store.claims).toBe(0);
    expect(store.calls).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it('compares the operation type a message runs when its contract derives it from the payload', async () => {
    const lifecycle: OperationHandler<TenantLifecycleRequestedPayload> = {
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      run,
    };
    const tenantEvents = new OperationProcessor(
      [lifecycle],
      store,
      null,
      systemClock,
      createLogger({ name: 'test', level: 'silent' }),
      { name: 'unit', owner: 'me', leaseMs: 30_000, retry: { baseSeconds: 4, maxSeconds: 60 } },
    );
    const resume = {
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      envelope: {
        ...message().envelope,
        messageType: 'TENANT_LIFECYCLE_REQUESTED',
        payload: { action: 'RESUME', fromStatus: 'SUSPENDED', toStatus: 'ACTIVE' },
      },
    } as ParsedMessage;
    store.stored = operation({ type: 'TENANT_SUSPEND' });
    expect(await tenantEvents.handle(resume, context())).toEqual({
      action: 'dead-letter',
      reason:
        'OPERATION_TYPE_MISMATCH: a TENANT_LIFECYCLE_REQUESTED message for TENANT_RESUME cannot run a TENANT_SUSPEND operation',
    });
    expect(store.claims).toBe(0);
    store.stored = operation({ type: 'TENANT_RESUME' });
    expect(await tenantEvents.handle(resume, context())).toEqual({ action: 'ack' });
    expect(store.claims).toBe(1);
    expect(store.calls).toEqual(['complete']);
  });

  it('fails the operation of a malformed message only when the message is of its tenant and type', async () => {
    const id = 'op-22222222-2222-4222-8222-222222222222';
    store.stored = operation({ status: 'PENDING', lease: null });
    await processor.onMalformed(new MalformedMessageError('bad', [], id, TENANT, 'SITE_CLONE'), context());
    await processor.onMalformed(new MalformedMessageError('bad', [], id, TENANT, null), context());
    await processor.onMalformed(
      new MalformedMessageError('bad', [], id, 'tenant-33333333-3333-4333-8333-333333333333', 'UNIT_TEST'),
      context(),
    );
    expect(store.calls).toEqual([]);
    await processor.onMalformed(new MalformedMessageError('bad', [], id, TENANT, 'UNIT_TEST'), context());
    expect(store.calls).toEqual(['fail']);
    expect(store.failures).toEqual([{ error: expect.objectContaining({ code: 'MALFORMED_MESSAGE' }) }]);
  });

  it('fails the operation and acknowledges on a non-retryable business error', async () => {
    run.mockRejectedValue(new BusinessRuleError('QUOTA_EXCEEDED', 'No quota'));
    expect(await processor.handle(message(), context())).toEqual({ action: 'ack' });
    expect(store.failures).toEqual([
      expect.objectContaining({ error: { code: 'QUOTA_EXCEEDED', message: 'No quota', retryable: false } }),
    ]);
  });

  it('lets the handler record the failure on its resource once the operation is FAILED, and only then', async () => {
    const failedOn: string[] = [];
    const onFailed = jest.fn(async (failed: Operation, error: { code: string }) => {
      failedOn.push(`${failed.operationId}:${error.code}:${store.calls.join(',')}`);
    });
    processor = new OperationProcessor(
      [{ contract: CONTRACT, run, onFailed }],
      store,
      null,
      systemClock,
      createLogger({ name: 'test', level: 'silent' }),
      { name: 'unit', owner: 'me', leaseMs: 30_000, retry: { baseSeconds: 4, maxSeconds: 60 } },
    );
    run.mockRejectedValue(new UpstreamError('503', { retryable: true }));
    await processor.handle(message(), context(1));
    expect(onFailed).not.toHaveBeenCalled();

    run.mockRejectedValue(new BusinessRuleError('QUOTA_EXCEEDED', 'No quota'));
    onFailed.mockRejectedValueOnce(new Error('table unreachable'));
    expect(await processor.handle(message(), context(2))).toEqual({ action: 'ack' });
    run.mockRejectedValue(new BusinessRuleError('QUOTA_EXCEEDED', 'No quota'));
    await processor.handle(message(), context(2));
    expect(onFailed).toHaveBeenCalledTimes(2);
    expect(failedOn).toEqual([expect.stringMatching(/^op-2{8}-.*:QUOTA_EXCEEDED:.*fail$/)]);
  });

  it('commits the resource failure writes with the FAILED operation, and fails it without them when they are refused', async () => {
    const extra = { items: [], explain: () => undefined } as unknown as NonNullable<
      Parameters<FakeStore['fail']>[3]
    >;
    const extras: unknown[] = [];
    store.fail = async (_op, _owner, failure, writes) => {
      extras.push(writes);
      if (writes && extras.length === 1) throw new Error('ConditionalCheckFailed');
      store.failures.push(failure);
      return true;
    };
    processor = new OperationProcessor(
      [{ contract: CONTRACT, run, failureWrites: async () => extra }],
      store,
      null,
      systemClock,
      createLogger({ name: 'test', level: 'silent' }),
      { name: 'unit', owner: 'me', leaseMs: 30_000, retry: { baseSeconds: 4, maxSeconds: 60 } },
    );
    run.mockRejectedValue(new BusinessRuleError('QUOTA_EXCEEDED', 'No quota'));
    expect(await processor.handle(message(), context(1))).toEqual({ action: 'ack' });
    expect(extras).toEqual([extra, undefined]);
    expect(store.failures).toHaveLength(1);
  });

  it('backs off on a transient error, releasing the lease with a note', async () => {
    run.mockRejectedValue(new UpstreamError('503 from WordPress', { retryable: true }));
    const outcome = await processor.handle(message(), context(2));
    expect(outcome).toMatchObject({ action: 'retry' });
    expect((outcome as { delaySeconds: number }).delaySeconds).toBeGreaterThanOrEqual(4);
    expect(store.calls).toEqual([
      expect.stringMatching(
        /^release:Attempt 2 failed \(UPSTREAM_ERROR: 503 from WordPress\); retrying in \d+ s$/,
      ),
    ]);
  });

  it('saves the steps completed since the last checkpoint before handing the operation back for a retry', async () => {
    run.mockImplementation(async (operationContext: OperationContext) => {
      await operationContext.step('one', async () => undefined);
      throw new UpstreamError('503 from WordPress', { retryable: true });
    });
    expect(await processor.handle(message(), context(1))).toMatchObject({ action: 'retry' });
    expect(store.calls).toEqual([
      'saveProgress',
      'saveProgress',
      expect.stringMatching(/^release:Attempt 1 failed/),
    ]);
    expect(store.saved.at(-1)?.steps.map((step) => step.status)).toEqual(['COMPLETED']);
  });

  it('fails the operation on the last receive and releases the message to the DLQ', async () => {
    run.mockRejectedValue(new Error('socket hang up'));
    expect(await processor.handle(message(), context(3))).toEqual({ action: 'release' });
    expect(store.failures).toEqual([
      expect.objectContaining({
        error: {
          code: 'INTERNAL_ERROR',
          message: 'An unexpected error occurred (gave up after 3 attempts)',
          retryable: true,
        },
      }),
    ]);
  });

  it('abandons the message when another worker took the lease over', async () => {
    run.mockRejectedValue(new LeaseLostError('op-x'));
    expect(await processor.handle(message(), context())).toEqual({ action: 'abandon' });
    expect(store.calls).toEqual([]);
  });

  it('hands the operation back at shutdown', async () => {
    const controller = new AbortController();
    run.mockImplementation(async () => {
      controller.abort(new WorkerShutdownError());
      throw controller.signal.reason;
    });
    expect(await processor.handle(message(), context(1, controller.signal))).toEqual({ action: 'release' });
    expect(store.calls).toEqual(['release:Interrupted by a worker shutdown; resuming']);
  });
});
