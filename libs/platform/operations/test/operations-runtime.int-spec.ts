import { BusinessRuleError, ConflictError, UpstreamError } from '@bbws/shared-errors';
import { eventually } from '@bbws/testing-engines';
import {
  TEST_OPERATION,
  completedOperation,
  startRuntimeFixture,
  withThreeStepBehaviour,
  type RuntimeFixture,
} from './runtime.fixture';

jest.setTimeout(30_000);

describe('operations runtime (local SQS + DynamoDB Local)', () => {
  let fx: RuntimeFixture;
  /** `${operationId}:${step}` → how many times the step completed */
  let completed: Map<string, number>;
  const completedOp = (operationId: string) => completedOperation(fx, operationId);

  beforeEach(async () => {
    fx = await startRuntimeFixture();
    ({ completed } = withThreeStepBehaviour(fx));
  });

  afterEach(() => fx.close());

  it('stores the operation PENDING before its message is handled', async () => {
    const operation = await fx.launch('three-steps');
    const stored = await fx.operations.get(operation.operationId);
    expect(stored).toMatchObject({ status: 'PENDING', sendCount: 1, dispatch: { queue: 'site-creation' } });
    expect(stored?.sentAt).toEqual(expect.any(String));
  });

  it('refuses a second operation on a locked resource with 409 OPERATION_IN_PROGRESS linking the first', async () => {
    const first = await fx.launch('three-steps');
    const error = await fx.launcher
      .launch({
        contract: TEST_OPERATION,
        tenantId: first.tenantId,
        resourceType: 'site',
        resourceId: first.resourceId,
        createdBy: 'test-user',
        correlationId: 'corr-2',
        payload: { scenario: 'three-steps' },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'OPERATION_IN_PROGRESS',
      message: `Another operation is in progress on ${first.resourceId}`,
      details: {
        resourceId: first.resourceId,
        operationId: first.operationId,
        operationType: 'TEST_OPERATION',
        href: `/v1.0/operations/${first.operationId}`,
      },
    });
    expect(await fx.queueDepth('site-creation')).toBe(1);
  });

  it('runs the steps with checkpoints and completes with progress 100 and the result', async () => {
    fx.worker('worker-a').start();
    const operation = await fx.launch('three-steps');
    const done = await completedOp(operation.operationId);
    expect(done).toMatchObject({
      progress: 100,
      result: { done: true },
      message: 'All three steps ran',
      attempts: 1,
      error: null,
    });
    expect(done.steps.map((step) => [step.name, step.status])).toEqual([
      ['one', 'COMPLETED'],
      ['two', 'COMPLETED'],
      ['three', 'COMPLETED'],
    ]);
    expect(done.steps.every((step) => step.startedAt && step.completedAt)).toBe(true);
    expect(await fx.operations.activeOperationId(operation.resourceId)).toBeNull();
  });

  it('processes a message sent twice once', async () => {
    const operation = await fx.launch('three-steps');
    await fx.producer.send('site-creation', operation.dispatch!.message);
    fx.worker('worker-a').start();
    fx.worker('worker-b').start();
    await completedOp(operation.operationId);
    await eventually(async () => (await fx.queueDepth('site-creation')) === 0);
    expect(fx.handler.runs.filter((id) => id === operation.operationId)).toHaveLength(1);
    expect(completed.get(`${operation.operationId}:one`)).toBe(1);
    expect((await fx.operations.get(operation.operationId))?.attempts).toBe(1);
    expect(await fx.queueDepth('site-creation')).toBe(0);
  });

  it('fails the operation at once on a business error and acknowledges the message', async () => {
    fx.handler.behaviours.set('business-error', async () => {
      throw new BusinessRuleError('QUOTA_EXCEEDED', 'The tenant has no sites left');
    });
    fx.worker('worker-a').start();
    const operation = await fx.launch('business-error');
    const failed = await eventually(async () => {
      const current = await fx.operations.get(operation.operationId);
      return current?.status === 'FAILED' ? current : undefined;
    });
    expect(failed).toMatchObject({
      attempts: 1,
      error: { code: 'QUOTA_EXCEEDED', message: 'The tenant has no sites left', retryable: false },
    });
    expect(await fx.deadLetters()).toHaveLength(0);
  });

  it('retries a transient failure with backoff and completes when it clears', async () => {
    let calls = 0;
    fx.handler.behaviours.set('flaky', async (context) => {
      await context.step('call-upstream', async () => {
        calls += 1;
        if (calls < 2)
          throw new UpstreamError('WordPress answered 503', { retryable: true, upstreamStatus: 503 });
      });
    });
    fx.worker('worker-a').start();
    const operation = await fx.launch('flaky');
    const done = await completedOp(operation.operationId);
    expect(done.attempts).toBe(2);
    expect(calls).toBe(2);
  });

  it('moves a poison message to the DLQ after 3 receives, with its operation FAILED and the error', async () => {
    let receives = 0;
    fx.handler.behaviours.set('poison', async () => {
      receives += 1;
      throw new UpstreamError('The instance does not answer', { retryable: true });
    });
    // Counting receives exactly needs no redelivery of an attempt that is still running: a 2 s
    // visibility can lapse on a loaded machine, so this worker keeps its messages longer.
    fx.worker('worker-a', { visibilityTimeoutSeconds: 6 }).start();
    const operation = await fx.launch('poison');
    const failed = await eventually(async () => {
      const current = await fx.operations.get(operation.operationId);
      return current?.status === 'FAILED' ? current : undefined;
    });
    expect(receives).toBe(3);
    expect(failed.attempts).toBe(3);
    expect(failed.error).toEqual({
      code: 'UPSTREAM_ERROR',
      message: 'The instance does not answer (gave up after 3 attempts)',
      retryable: true,
    });
    const dead = await eventually(async () => {
      const messages = await fx.deadLetters();
      return messages.length ? messages : undefined;
    });
    expect(JSON.parse(dead[0].Body ?? '{}').operationId).toBe(operation.operationId);
    expect(await fx.operations.activeOperationId(operation.resourceId)).toBeNull();
  });

  it('sends a malformed message straight to the DLQ with the reason, failing its operation', async () => {
    const operation = await fx.launch('never-runs');
    await fx.takeMessage('site-creation');
    const queue = await fx.queues.describe('site-creation');
    // The operation's own message, with a payload that breaks its contract, and a body that is not JSON.
    const broken = { ...operation.dispatch!.message, payload: { scenario: 42, extra: true } };
    await fx.probe.sendRaw(queue.url, JSON.stringify(broken));
    await fx.probe.sendRaw(queue.url, 'not json at all');
    fx.worker('worker-a').start();
    const dead = await eventually(async () => {
      const messages = await fx.deadLetters();
      return messages.length >= 2 ? messages : undefined;
    });
    const reasons = dead.map(
      (message) => message.MessageAttributes?.['bbws-dead-letter-reason']?.StringValue,
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MALFORMED_MESSAGE: Invalid TEST_OPERATION payload/),
        'MALFORMED_MESSAGE: The message body is not JSON',
      ]),
    );
    expect(dead.map((message) => message.MessageAttributes?.['bbws-source-queue']?.StringValue)).toEqual([
      queue.arn,
      queue.arn,
    ]);
    expect(await fx.operations.get(operation.operationId)).toMatchObject({
      status: 'FAILED',
      error: { code: 'MALFORMED_MESSAGE', retryable: false },
    });
    expect(fx.handler.runs).toHaveLength(0);
  });
});
