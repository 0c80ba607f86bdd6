import { systemClock } from '@bbws/shared-util';
import { eventually, pause } from '@bbws/testing-engines';
import { OperationSweeper } from '../src';
import {
  TEST_OPERATION,
  silentLogger,
  completedOperation,
  countInto as count,
  startRuntimeFixture,
  withThreeStepBehaviour,
  type RuntimeFixture,
} from './runtime.fixture';

jest.setTimeout(30_000);

describe('operations runtime recovery: crashes, long steps, shutdown, sweeps (local SQS + DynamoDB Local)', () => {
  let fx: RuntimeFixture;
  /** step name → how many times it started and completed, per operation */
  let started: Map<string, number>;
  let completed: Map<string, number>;
  const completedOp = (operationId: string) => completedOperation(fx, operationId);

  beforeEach(async () => {
    fx = await startRuntimeFixture();
    ({ started, completed } = withThreeStepBehaviour(fx));
  });

  afterEach(() => fx.close());

  it('recovers an operation whose worker died mid-way: redelivered after the visibility timeout, completed once', async () => {
    fx.handler.behaviours.set('crash-once', async (context) => {
      await context.plan(['one', 'two', 'three']);
      for (const name of ['one', 'two', 'three']) {
        await context.step(name, async (signal) => {
          count(started, `${context.operation.operationId}:${name}`);
          // The first worker "dies" here: it never finishes nor extends its message or lease.
          if (name === 'two' && context.operation.lease?.owner === 'dying-worker')
            await pause(3_600_000, signal);
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
    for (const name of ['one', 'two', 'three'])
      expect(completed.get(`${operation.operationId}:${name}`)).toBe(1);
  });

  it('extends visibility and the lease while a step outlasts the visibility timeout', async () => {
    fx.handler.behaviours.set('long-step', async (context) => {
      await context.step('long', async (signal) => {
        count(started, context.operation.operationId);
        await pause(4500, signal);
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
            await pause(700, signal);
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
      const finishedByFirst = (
        await Promise.all(operations.map((op) => fx.operations.get(op.operationId)))
      ).filter((op) => op?.status === 'COMPLETED');
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
      // The send "never happened": take the message away; the operation stays PENDING.
      await fx.takeMessage('site-creation');
      const sweeper = new OperationSweeper(fx.operations, fx.producer, null, systemClock, silentLogger, {
        resendAfterMs: 0,
        batchLimit: 500,
      });
      fx.worker('worker-a').start();
      // The worker is polling (it ran an operation launched after this one), yet this one got no message.
      const canary = await fx.launch('three-steps');
      await completedOp(canary.operationId);
      expect((await fx.operations.get(operation.operationId))?.status).toBe('PENDING');
      const swept = await sweeper.sweepOnce();
      expect(swept.resent).toContain(operation.operationId);
      const done = await completedOp(operation.operationId);
      expect(done.sendCount).toBe(2);
    });

    it('fails operations stuck past their deadline and releases their lock', async () => {
      const operation = await fx.launcher.launch({
        contract: TEST_OPERATION,
        tenantId: 'tenant-00000000-0000-4000-8000-000000000001',
        resourceType: 'site',
        resourceId: `site-${Date.now()}`,
        createdBy: 'test-user',
        correlationId: 'corr-1',
        payload: { scenario: 'never-runs' },
        maxDurationMs: -1,
      });
      const sweeper = new OperationSweeper(fx.operations, fx.producer, null, systemClock, silentLogger, {
        resendAfterMs: 0,
        batchLimit: 500,
      });
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
