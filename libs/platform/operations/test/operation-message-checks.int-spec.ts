import { MESSAGES, type Envelope, type Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';
import { eventually, type SqsMessage as Message } from '@bbws/testing-engines';
import {
  completedOperation,
  startRuntimeFixture,
  withThreeStepBehaviour,
  type RuntimeFixture,
} from './runtime.fixture';

jest.setTimeout(30_000);

const reasonOf = (message: Message) => message.MessageAttributes?.['bbws-dead-letter-reason']?.StringValue;

describe('operation messages are checked against their operation before it is claimed (local SQS + DynamoDB Local)', () => {
  let fx: RuntimeFixture;

  beforeEach(async () => {
    fx = await startRuntimeFixture();
    withThreeStepBehaviour(fx);
  });

  afterEach(() => fx.close());

  /** A launched operation whose own message was taken off the queue, so only a forged one can reach it. */
  async function operationWithoutItsMessage(): Promise<Operation & { dispatch: { message: Envelope } }> {
    const operation = await fx.launch('three-steps');
    await fx.takeMessage('site-creation');
    return operation as Operation & { dispatch: { message: Envelope } };
  }

  /** The stored operation is exactly as launched: not claimed, no lease, no attempt, nothing ran. */
  async function expectUntouched(operation: Operation) {
    const stored = await fx.operations.get(operation.operationId);
    expect(stored).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lease: null,
      startedAt: null,
      version: operation.version,
    });
    expect(await fx.operations.activeOperationId(operation.resourceId)).toBe(operation.operationId);
    expect(fx.handler.runs).not.toContain(operation.operationId);
  }

  async function deadLetter(): Promise<Message> {
    return eventually(async () => (await fx.deadLetters())[0]);
  }

  it('refuses a message naming another tenant than its operation: no claim, to the DLQ with the reason', async () => {
    const operation = await operationWithoutItsMessage();
    const otherTenant = newId('tenant');
    await fx.producer.send('site-creation', { ...operation.dispatch.message, tenantId: otherTenant });
    fx.worker('worker-a').start();
    const dead = await deadLetter();
    expect(reasonOf(dead)).toBe(
      `TENANT_MISMATCH: the message names ${otherTenant}, the operation ${operation.tenantId}`,
    );
    expect(JSON.parse(dead.Body ?? '{}').operationId).toBe(operation.operationId);
    await expectUntouched(operation);
    expect(await fx.queueDepth('site-creation')).toBe(0);
  });

  it('refuses a message whose type is not its operation type: no claim, to the DLQ with the reason', async () => {
    const base = await operationWithoutItsMessage();
    const clone: Operation = {
      ...base,
      operationId: newId('op'),
      resourceId: newId('site'),
      type: 'SITE_CLONE',
      dispatch: null,
    };
    await fx.operations.createWithLock(clone);
    await fx.producer.send('site-creation', { ...base.dispatch.message, operationId: clone.operationId });
    fx.worker('worker-a').start();
    const dead = await deadLetter();
    expect(reasonOf(dead)).toBe(
      `OPERATION_TYPE_MISMATCH: a TEST_OPERATION message cannot run a SITE_CLONE operation`,
    );
    await expectUntouched(clone);
  });

  it('leaves the operation alone when a malformed message of another type names it', async () => {
    const operation = await operationWithoutItsMessage();
    await fx.producer.send('site-creation', { ...operation.dispatch.message, messageType: 'SITE_CLONE' });
    fx.worker('worker-a').start();
    const dead = await deadLetter();
    expect(reasonOf(dead)).toBe('MALFORMED_MESSAGE: Message type "SITE_CLONE" is not accepted on this queue');
    await expectUntouched(operation);
  });

  it('still runs a valid message after refusing a forged one', async () => {
    const target = await operationWithoutItsMessage();
    await fx.producer.send('site-creation', { ...target.dispatch.message, tenantId: newId('tenant') });
    fx.worker('worker-a').start();
    await deadLetter();
    const valid = await fx.launch('three-steps');
    expect(await completedOperation(fx, valid.operationId)).toMatchObject({ attempts: 1, progress: 100 });
    await expectUntouched(target);
    await fx.producer.send('site-creation', target.dispatch.message);
    expect(await completedOperation(fx, target.operationId)).toMatchObject({ attempts: 1 });
  });

  it('refuses to launch an operation of another type than its message runs, storing nothing', async () => {
    const tenantId = newId('tenant');
    await expect(
      fx.launcher.launch({
        contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
        type: 'TENANT_PARK',
        tenantId,
        resourceType: 'tenant',
        resourceId: tenantId,
        createdBy: 'platform-admin',
        correlationId: newId('evt'),
        payload: { action: 'SUSPEND', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED' },
      }),
    ).rejects.toThrow('A TENANT_LIFECYCLE_REQUESTED message runs TENANT_SUSPEND operations, not TENANT_PARK');
    expect(await fx.operations.activeOperationId(tenantId)).toBeNull();
    expect(await fx.queueDepth('tenant-events')).toBe(0);
  });

  it('stores who may cancel an operation when it is launched, from its type', async () => {
    const siteWork = await fx.launch('three-steps');
    expect(await fx.operations.get(siteWork.operationId)).toMatchObject({
      cancellableBy: 'CREATOR_AND_TENANT_ADMINS',
    });
    const tenantId = newId('tenant');
    const suspension = await fx.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: 'TENANT_SUSPEND',
      tenantId,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: 'platform-admin',
      correlationId: newId('evt'),
      payload: { action: 'SUSPEND', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED' },
    });
    expect(await fx.operations.get(suspension.operationId)).toMatchObject({
      type: 'TENANT_SUSPEND',
      cancellableBy: 'PLATFORM_ADMINS',
    });
  });
});
