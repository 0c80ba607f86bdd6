import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { extraWrites, putNew } from '@bbws/data-access-dynamo';
import { LeaseLostError, ResourceLockedError, type Operation } from '@bbws/shared-contracts';
import {
  BusinessRuleError,
  ConflictError,
  InvalidStatusTransitionError,
  NotFoundError,
} from '@bbws/shared-errors';
import { epochSeconds, newId } from '@bbws/shared-util';
import { TestClock, buildOperation as buildAnyOperation, testDynamoContext } from '@bbws/testing-factories';
import { OperationDao } from './operation.dao';
import { operationKeys } from './operation.keys';

const clock = TestClock.running();
const db = testDynamoContext(clock);
const dao = new OperationDao(db, { terminalRetentionDays: 90 });
const buildOperation = (overrides: Partial<Operation> = {}) => buildAnyOperation(overrides, clock.now());

async function created(overrides: Partial<Operation> = {}): Promise<Operation> {
  const operation = buildOperation(overrides);
  await dao.createWithLock(operation);
  return operation;
}

async function rawItem(key: Record<string, string>) {
  return (
    await db.client.send(new GetCommand({ TableName: db.tables.operations, Key: key, ConsistentRead: true }))
  ).Item;
}

describe('OperationDao', () => {
  describe('createWithLock', () => {
    it('stores the operation and the lock on its resource in one go', async () => {
      const operation = await created();
      expect(await dao.get(operation.operationId)).toEqual(operation);
      expect(await dao.activeOperationId(operation.resourceId)).toBe(operation.operationId);
    });

    it('refuses a second operation on the same resource with 409 OPERATION_IN_PROGRESS naming the first', async () => {
      const first = await created();
      const second = buildOperation({ resourceId: first.resourceId, tenantId: first.tenantId });
      const error = await dao.createWithLock(second).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toBeInstanceOf(ResourceLockedError);
      // The DAO names the first operation; the launcher adds the link to it (operations-runtime.int-spec).
      expect(error).toMatchObject({
        code: 'OPERATION_IN_PROGRESS',
        resourceId: first.resourceId,
        operationId: first.operationId,
        operationType: 'TENANT_SUSPEND',
        details: {
          resourceId: first.resourceId,
          operationId: first.operationId,
          operationType: 'TENANT_SUSPEND',
        },
      });
      expect(await dao.get(second.operationId)).toBeNull();
    });

    it("writes the caller's items in the same transaction and maps their condition failures", async () => {
      const guard = { PK: `TEST#${newId('evt')}`, SK: 'GUARD' };
      const first = buildOperation();
      await dao.createWithLock(
        first,
        extraWrites([putNew(db.tables.operations, { ...guard, entityType: 'TEST' })]),
      );
      expect(await rawItem(guard)).toBeDefined();

      const second = buildOperation();
      const error = await dao
        .createWithLock(
          second,
          extraWrites(
            [putNew(db.tables.operations, { ...guard, entityType: 'TEST' })],
            ({ index }) => new BusinessRuleError('GUARD_TAKEN', `item ${index}`),
          ),
        )
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'GUARD_TAKEN', message: 'item 0' });
      expect(await dao.get(second.operationId)).toBeNull();
      expect(await dao.activeOperationId(second.resourceId)).toBeNull();
    });
  });

  describe('claim', () => {
    it('moves PENDING to IN_PROGRESS with a lease, a start time and one attempt', async () => {
      const operation = await created();
      const claim = await dao.claim(operation.operationId, 'worker-a', 30_000);
      expect(claim.outcome).toBe('claimed');
      if (claim.outcome !== 'claimed') return;
      expect(claim.operation).toMatchObject({
        status: 'IN_PROGRESS',
        attempts: 1,
        lease: { owner: 'worker-a' },
        version: 2,
      });
      expect(claim.operation.startedAt).toEqual(expect.any(String));
      expect(Date.parse(claim.operation.lease!.expiresAt) - Date.parse(claim.operation.updatedAt)).toBe(
        30_000,
      );
    });

    it('reports busy while another worker holds a live lease, and takes over once it expired', async () => {
      const operation = await created();
      await dao.claim(operation.operationId, 'worker-a', 10_000);
      expect((await dao.claim(operation.operationId, 'worker-b', 10_000)).outcome).toBe('busy');
      clock.advance(10_001);
      const takeover = await dao.claim(operation.operationId, 'worker-b', 10_000);
      expect(takeover).toMatchObject({
        outcome: 'claimed',
        operation: { attempts: 2, lease: { owner: 'worker-b' } },
      });
      await expect(dao.heartbeat(operation.operationId, 'worker-a', 10_000)).rejects.toBeInstanceOf(
        LeaseLostError,
      );
    });

    it('reports terminal operations and missing ones', async () => {
      const operation = await created();
      await dao.cancel(operation.operationId, 'user-1');
      expect(await dao.claim(operation.operationId, 'worker-a', 1000)).toMatchObject({
        outcome: 'terminal',
        operation: { status: 'CANCELLED' },
      });
      expect(await dao.claim(newId('op'), 'worker-a', 1000)).toEqual({ outcome: 'missing' });
    });

    it('claims only an operation of the expected tenant and type, leaving another untouched', async () => {
      const operation = await created();
      const expected = { tenantId: operation.tenantId, type: operation.type };
      for (const wrong of [
        { ...expected, tenantId: newId('tenant') },
        { ...expected, tenantId: null },
        { ...expected, type: 'SITE_DELETION' },
      ]) {
        expect(await dao.claim(operation.operationId, 'worker-a', 10_000, wrong)).toEqual({
          outcome: 'busy',
          operation,
        });
      }
      expect(await dao.get(operation.operationId)).toEqual(operation);
      expect(await dao.claim(operation.operationId, 'worker-a', 10_000, expected)).toMatchObject({
        outcome: 'claimed',
        operation: { status: 'IN_PROGRESS', attempts: 1, lease: { owner: 'worker-a' } },
      });
      await dao.complete((await dao.get(operation.operationId))!, 'worker-a', {
        result: null,
        message: null,
        steps: [],
      });
      expect(
        await dao.claim(operation.operationId, 'worker-b', 10_000, {
          ...expected,
          tenantId: newId('tenant'),
        }),
      ).toMatchObject({
        outcome: 'terminal',
        operation: { status: 'COMPLETED', tenantId: operation.tenantId },
      });
    });
  });

  describe('progress, completion and failure', () => {
    it('checkpoints steps only while the lease is held', async () => {
      const operation = await created();
      await dao.claim(operation.operationId, 'worker-a', 10_000);
      const steps = [{ name: 'one', status: 'COMPLETED' as const, startedAt: 'a', completedAt: 'b' }];
      await dao.saveProgress(
        operation.operationId,
        'worker-a',
        { steps, currentStep: 'one', progress: 50 },
        10_000,
      );
      expect(await dao.get(operation.operationId)).toMatchObject({ steps, currentStep: 'one', progress: 50 });
      await expect(
        dao.saveProgress(
          operation.operationId,
          'worker-b',
          { steps: [], currentStep: null, progress: 0 },
          10_000,
        ),
      ).rejects.toBeInstanceOf(LeaseLostError);
    });

    it('completes with the result, releases the lock, leaves the sweep index and expires in 90 days', async () => {
      const operation = await created();
      const claimed = await dao.claim(operation.operationId, 'worker-a', 10_000);
      if (claimed.outcome !== 'claimed') throw new Error('not claimed');
      await dao.complete(claimed.operation, 'worker-a', {
        result: { siteId: 'site-1' },
        message: 'Done',
        steps: [],
      });
      const stored = await dao.get(operation.operationId);
      expect(stored).toMatchObject({
        status: 'COMPLETED',
        progress: 100,
        result: { siteId: 'site-1' },
        message: 'Done',
        lease: null,
      });
      expect(stored?.completedAt).toEqual(expect.any(String));
      expect(await dao.activeOperationId(operation.resourceId)).toBeNull();
      const item = await rawItem(operationKeys.operation(operation.operationId));
      expect(item?.GSI3PK).toBeUndefined();
      expect(item?.ttl).toBe(epochSeconds(new Date(Date.parse(stored!.completedAt!) + 90 * 86_400_000)));
      // A retried completion of the same operation is a no-op.
      await dao.complete(claimed.operation, 'worker-a', { result: null, message: null, steps: [] });
      expect((await dao.get(operation.operationId))?.result).toEqual({ siteId: 'site-1' });
    });

    it('lets a new operation lock the resource once the previous one ended', async () => {
      const operation = await created();
      const claimed = await dao.claim(operation.operationId, 'worker-a', 10_000);
      if (claimed.outcome !== 'claimed') throw new Error('not claimed');
      await dao.fail(claimed.operation, 'worker-a', {
        error: { code: 'BOOM', message: 'It broke', retryable: false },
      });
      await expect(created({ resourceId: operation.resourceId })).resolves.toBeDefined();
    });

    it('fails with the error, marking the running step FAILED', async () => {
      const operation = await created();
      const claimed = await dao.claim(operation.operationId, 'worker-a', 10_000);
      if (claimed.outcome !== 'claimed') throw new Error('not claimed');
      const steps = [{ name: 'one', status: 'IN_PROGRESS' as const, startedAt: 'a', completedAt: null }];
      const failed = await dao.fail(claimed.operation, 'worker-a', {
        error: { code: 'BOOM', message: 'It broke', retryable: false },
        steps,
      });
      expect(failed).toBe(true);
      expect(await dao.get(operation.operationId)).toMatchObject({
        status: 'FAILED',
        error: { code: 'BOOM', message: 'It broke', retryable: false },
        message: 'It broke',
        steps: [{ name: 'one', status: 'FAILED' }],
      });
    });

    it('does not fail an operation another worker holds, unless its lease expired', async () => {
      const operation = await created();
      const claimed = await dao.claim(operation.operationId, 'worker-a', 10_000);
      if (claimed.outcome !== 'claimed') throw new Error('not claimed');
      const error = { code: 'X', message: 'x', retryable: false };
      expect(await dao.fail(claimed.operation, 'worker-b', { error })).toBe(false);
      expect(await dao.fail(claimed.operation, null, { error })).toBe(false);
      clock.advance(10_001);
      expect(await dao.fail(claimed.operation, null, { error })).toBe(true);
    });

    it('hands the operation to the next attempt when a worker releases its lease', async () => {
      const operation = await created();
      await dao.claim(operation.operationId, 'worker-a', 60_000);
      await dao.releaseLease(operation.operationId, 'worker-a', 'Attempt 1 failed; retrying');
      expect(await dao.get(operation.operationId)).toMatchObject({
        status: 'IN_PROGRESS',
        message: 'Attempt 1 failed; retrying',
      });
      expect(await dao.claim(operation.operationId, 'worker-b', 60_000)).toMatchObject({
        outcome: 'claimed',
        operation: { attempts: 2 },
      });
    });
  });

  describe('cancel', () => {
    it('cancels a PENDING operation and releases its lock', async () => {
      const operation = await created();
      const cancelled = await dao.cancel(operation.operationId, 'user-9');
      expect(cancelled).toMatchObject({ status: 'CANCELLED', message: 'Cancelled by user-9' });
      expect(await dao.activeOperationId(operation.resourceId)).toBeNull();
    });

    it('refuses anything but PENDING with INVALID_STATUS_TRANSITION, and an unknown id with 404', async () => {
      const operation = await created();
      await dao.claim(operation.operationId, 'worker-a', 10_000);
      const error = await dao.cancel(operation.operationId, 'user-9').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidStatusTransitionError);
      expect(error).toMatchObject({
        details: { currentStatus: 'IN_PROGRESS', requestedStatus: 'CANCELLED' },
      });
      await expect(dao.cancel(newId('op'), 'user-9')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('lists', () => {
    it("lists a tenant's operations newest first with status, type and resource filters and pagination", async () => {
      const tenantId = newId('tenant');
      const resource = newId('site');
      const ops: Operation[] = [];
      for (let i = 0; i < 5; i += 1) {
        clock.advance(1000);
        ops.push(
          await created({
            tenantId,
            type: i % 2 ? 'SITE_UPDATE' : 'SITE_CREATION',
            resourceId: i === 4 ? resource : newId('site'),
          }),
        );
      }
      await created({ tenantId: newId('tenant') });
      const all = await dao.listByTenant(tenantId, {}, { pageSize: 3 });
      expect(all.items.map((op) => op.operationId)).toEqual(
        [ops[4], ops[3], ops[2]].map((op) => op.operationId),
      );
      const rest = await dao.listByTenant(tenantId, {}, { pageSize: 3, startAt: all.nextStartAt! });
      expect(rest.items.map((op) => op.operationId)).toEqual([ops[1], ops[0]].map((op) => op.operationId));
      expect(
        (await dao.listByTenant(tenantId, { type: 'SITE_UPDATE' }, { pageSize: 10 })).items,
      ).toHaveLength(2);
      expect(
        (await dao.listByTenant(tenantId, { status: 'COMPLETED' }, { pageSize: 10 })).items,
      ).toHaveLength(0);
      expect(
        (await dao.listByResource(tenantId, resource, {}, { pageSize: 10 })).items.map(
          (op) => op.operationId,
        ),
      ).toEqual([ops[4].operationId]);
      expect((await dao.listByResource(newId('tenant'), resource, {}, { pageSize: 10 })).items).toHaveLength(
        0,
      );
    });

    it('finds stale non-terminal operations for the sweeper, oldest first, and never terminal ones', async () => {
      const stale = await created({
        createdAt: '2001-01-01T00:00:00.000Z',
        updatedAt: '2001-01-01T00:00:00.000Z',
      });
      const done = await created({
        createdAt: '2001-01-01T00:00:01.000Z',
        updatedAt: '2001-01-01T00:00:01.000Z',
      });
      await dao.cancel(done.operationId, 'user-1');
      const found = await dao.listStale('PENDING', new Date('2001-01-02T00:00:00.000Z'), 50);
      expect(found.map((op) => op.operationId)).toContain(stale.operationId);
      expect(found.map((op) => op.operationId)).not.toContain(done.operationId);
    });

    it('records that its message was sent, and not on a finished operation', async () => {
      const operation = await created();
      await dao.recordSend(operation.operationId);
      await dao.recordSend(operation.operationId);
      expect(await dao.get(operation.operationId)).toMatchObject({
        sendCount: 2,
        sentAt: expect.any(String),
      });
      await dao.cancel(operation.operationId, 'user-1');
      await dao.recordSend(operation.operationId);
      expect((await dao.get(operation.operationId))?.sendCount).toBe(2);
    });
  });
});
