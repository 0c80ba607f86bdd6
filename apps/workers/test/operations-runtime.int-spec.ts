import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { OperationSweeper } from '@bbws/platform-consumer';
import { BusinessRuleError, UpstreamError } from '@bbws/shared-errors';
import { systemClock } from '@bbws/shared-util';
import { eventually, silentLogger, sleep, startRuntimeFixture, type RuntimeFixture } from './runtime.fixture';

jest.setTimeout(30_000);

describe('operations runtime (local SQS + DynamoDB Local)', () => {
  let fx: RuntimeFixture;
  /** step name → how many times it started and completed, per operation */
  let started: Map<string, number>;
  let completed: Map<string, number>;

  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const completedOp = (operationId: string) =>
    eventually(async () => {
      const operation = await fx.operations.get(operationId);
      return operation?.status === 'COMPLETED' ? operation : undefined;
    });

  beforeEach(async () => {
    fx = await startRuntimeFixture();
    started = new Map();
    completed = new Map();
    fx.handler.behaviours.set('three-steps', async (context) => {
      await context.plan(['one', 'two', 'three']);
      for (const name of ['one', 'two', 'three']) {
        await context.step(name, async () => {
          count(started, `${context.operation.operationId}:${name}`);
          count(completed, `${context.operation.operationId}:${name}`);
        });
      }
      return { result: { done: true }, message: 'All three steps ran' };
    });
  });

  afterEach(() => fx.close());

  it('stores the operation PENDING before its message is handled', async () => {
    const operation = await fx.launch('three-steps');
    const stored = await fx.operations.get(operation.operationId);
    expect(stored).toMatchObject({ status: 'PENDING', sendCount: 1, dispatch: { queue: 'site-creation' } });
    expect(stored?.sentAt).toEqual(expect.any(String));
  });

  it('runs the steps with checkpoints and completes with progress 100 and the result', async () => {
    fx.worker('worker-a').start();
    const operation = await fx.launch('three-steps');
    const done = await completedOp(operation.operationId);
    expect(done).toMatchObject({ progress: 100, result: { done: true }, message: 'All three steps ran', attempts: 1, error: null });
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
    await sleep(2500);
    expect(fx.handler.runs.filter((id) => id === operation.operationId)).toHaveLength(1);
    expect(completed.get(`${operation.operationId}:one`)).toBe(1);
    expect((await fx.operations.get(operation.operationId))?.attempts).toBe(1);
    const queue = await fx.queues.describe('site-creation');
    expect(await fx.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'x' })).then(() => true)).toBe(true);
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
    expect(failed).toMatchObject({ attempts: 1, error: { code: 'QUOTA_EXCEEDED', message: 'The tenant has no sites left', retryable: false } });
    expect(await fx.deadLetters()).toHaveLength(0);
  });

  it('retries a transient failure with backoff and completes when it clears', async () => {
    let calls = 0;
    fx.handler.behaviours.set('flaky', async (context) => {
      await context.step('call-upstream', async () => {
        calls += 1;
        if (calls < 2) throw new UpstreamError('WordPress answered 503', { retryable: true, upstreamStatus: 503 });
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
    fx.worker('worker-a').start();
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
    fx.worker('worker-a').start();
    const operation = await fx.launch('never-runs');
    const queue = await fx.queues.describe('site-creation');
    // The same operation's message with a payload that breaks the contract.
    const broken = { ...operation.dispatch!.message, payload: { scenario: 42, extra: true } };
    await fx.operations.recordSend(operation.operationId);
    await fx.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify(broken) }));
    await fx.sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'not json at all' }));
    const dead = await eventually(async () => {
      const messages = await fx.deadLetters();
      return messages.length >= 2 ? messages : undefined;
    });
    const reasons = dead.map((message) => message.MessageAttributes?.['bbws-dead-letter-reason']?.StringValue);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^MALFORMED_MESSAGE: Invalid TEST_OPERATION payload/), 'MALFORMED_MESSAGE: The message body is not JSON']));
    expect(dead[0].MessageAttributes?.['bbws-source-queue']?.StringValue).toBe(queue.arn);
    const failed = await eventually(async () => {
      const current = await fx.operations.get(operation.operationId);
      return current?.status !== 'PENDING' ? current : undefined;
    });
    // Either the valid message ran first (COMPLETED is impossible: no behaviour) or the broken one failed it.
    expect(failed.status).toBe('FAILED');
  });

  it('recovers an operation whose worker died mid-way: redelivered after the visibility timeout, completed once', async () => {
    fx.handler.behaviours.set('crash-once', async (context) => {
      await context.plan(['one', 'two', 'three']);
      for (const name of ['one', 'two', 'three']) {
        await context.step(name, async (signal) => {
          count(started, `${context.operation.operationId}:${name}`);
          // The first worker "dies" here: it never finishes nor extends its message or lease.
          if (name === 'two' && context.operation.lease?.owner === 'dying-worker') await sleep(3_600_000, signal);
          count(completed, `${context.operation.operationId}:${name}`);
        });
      }
    });
    const dying = fx.worker('dying-worker', { heartbeatIntervalSeconds: 3600 });
    dying.start();
    const operation = await fx.launch('crash-once');
    await eventually(async () => started.get(`${operation.operationId}:two`) === 1);
    fx.worker('worker-b').start();
    const done = await completedOp(operation.operationId);
    expect(done.attempts).toBe(2);
    expect(started.get(`${operation.operationId}:one`)).toBe(1);
    expect(started.get(`${operation.operationId}:two`)).toBe(2);
    for (const name of ['one', 'two', 'three']) expect(completed.get(`${operation.operationId}:${name}`)).toBe(1);
  });

  it('extends visibility and the lease while a step outlasts the visibility timeout', async () => {
    fx.handler.behaviours.set('long-step', async (context) => {
      await context.step('long', async (signal) => {
        count(started, context.operation.operationId);
        await sleep(4500, signal);
      });
    });
    fx.worker('worker-a', { heartbeatIntervalSeconds: 1 }).start();
    fx.worker('worker-b', { heartbeatIntervalSeconds: 1 }).start();
    const operation = await fx.launch('long-step');
    const done = await completedOp(operation.operationId);
    expect(done.attempts).toBe(1);
    expect(started.get(operation.operationId)).toBe(1);
  });

  describe('graceful shutdown (SIGTERM)', () => {
    beforeEach(() => {
      fx.handler.behaviours.set('slow', async (context) => {
        await context.plan(['first', 'second']);
        for (const name of ['first', 'second']) {
          await context.step(name, async (signal) => {
            count(started, `${context.operation.operationId}:${name}`);
            await sleep(700, signal);
            count(completed, `${context.operation.operationId}:${name}`);
          });
        }
      });
    });

    it('lets in-flight operations finish within the drain time, leaving the rest queued for the next worker', async () => {
      const first = fx.worker('worker-a', { concurrency: 2 });
      first.start();
      const operations = await Promise.all([1, 2, 3, 4].map(() => fx.launch('slow')));
      await eventually(async () => first.busy === 2);
      await first.stop(10_000);
      const finishedByFirst = (await Promise.all(operations.map((op) => fx.operations.get(op.operationId)))).filter(
        (op) => op?.status === 'COMPLETED',
      );
      expect(finishedByFirst.length).toBeGreaterThanOrEqual(2);
      fx.worker('worker-b', { concurrency: 2 }).start();
      for (const operation of operations) await completedOp(operation.operationId);
      for (const operation of operations) {
        expect(completed.get(`${operation.operationId}:first`)).toBe(1);
        expect(completed.get(`${operation.operationId}:second`)).toBe(1);
      }
    });

    it('hands unfinished operations back when the drain time is up; another worker resumes them at once', async () => {
      const first = fx.worker('worker-a', { concurrency: 2, visibilityTimeoutSeconds: 30 });
      first.start();
      const operations = await Promise.all([1, 2].map(() => fx.launch('slow')));
      await eventually(async () => first.busy === 2);
      const stopping = Date.now();
      await first.stop(100);
      expect(Date.now() - stopping).toBeLessThan(3000);
      for (const operation of operations) {
        const current = await fx.operations.get(operation.operationId);
        expect(current?.status).toBe('IN_PROGRESS');
        expect(current?.message).toBe('Interrupted by a worker shutdown; resuming');
      }
      const resumedAt = Date.now();
      fx.worker('worker-b', { concurrency: 2, visibilityTimeoutSeconds: 30 }).start();
      for (const operation of operations) {
        const done = await completedOp(operation.operationId);
        expect(done.attempts).toBe(2);
        expect(completed.get(`${operation.operationId}:first`)).toBe(1);
        expect(completed.get(`${operation.operationId}:second`)).toBe(1);
      }
      // Not after the 30 s visibility timeout: the messages were made visible again on shutdown.
      expect(Date.now() - resumedAt).toBeLessThan(10_000);
    });
  });

  describe('sweeper', () => {
    it('sends the message of an operation committed but never sent (crash between commit and send)', async () => {
      const operation = await fx.launch('three-steps');
      // Simulate the lost send: drain the real message away, keep the operation PENDING and unsent.
      const queue = await fx.queues.describe('site-creation');
      const { ReceiveMessageCommand, DeleteMessageCommand } = await import('@aws-sdk/client-sqs');
      const { Messages } = await fx.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 1 }));
      await fx.sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: Messages![0].ReceiptHandle }));
      const sweeper = new OperationSweeper(fx.operations, fx.producer, null, systemClock, silentLogger, { resendAfterMs: 0, batchLimit: 500 });
      fx.worker('worker-a').start();
      await sleep(1500);
      expect((await fx.operations.get(operation.operationId))?.status).toBe('PENDING');
      const swept = await sweeper.sweepOnce();
      expect(swept.resent).toContain(operation.operationId);
      const done = await completedOp(operation.operationId);
      expect(done.sendCount).toBe(2);
    });

    it('fails operations stuck past their deadline and releases their lock', async () => {
      const operation = await fx.launcher.launch({
        contract: (await import('./runtime.fixture')).TEST_OPERATION,
        tenantId: 'tenant-00000000-0000-4000-8000-000000000001',
        resourceType: 'site',
        resourceId: `site-${Date.now()}`,
        createdBy: 'test-user',
        correlationId: 'corr-1',
        payload: { scenario: 'never-runs' },
        maxDurationMs: -1,
      });
      const sweeper = new OperationSweeper(fx.operations, fx.producer, null, systemClock, silentLogger, { resendAfterMs: 0, batchLimit: 500 });
      const swept = await sweeper.sweepOnce();
      expect(swept.timedOut).toContain(operation.operationId);
      expect(await fx.operations.get(operation.operationId)).toMatchObject({
        status: 'FAILED',
        error: { code: 'OPERATION_TIMED_OUT', retryable: false },
      });
      expect(await fx.operations.activeOperationId(operation.resourceId)).toBeNull();
    });
  });
});
