import { buildMessage } from './build-message';
import { MESSAGES, contractsForQueue } from './message-catalog';
import { MalformedMessageError, UnsupportedSchemaVersionError, parseMessage } from './parse-message';

const OPERATION_ID = 'op-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f';
const TENANT_ID = 'tenant-2f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f';

function lifecycleMessage(overrides: Record<string, unknown> = {}) {
  return {
    messageType: 'TENANT_LIFECYCLE_REQUESTED',
    schemaVersion: 1,
    operationId: OPERATION_ID,
    tenantId: TENANT_ID,
    resourceId: TENANT_ID,
    correlationId: 'req-1',
    idempotencyKey: OPERATION_ID,
    issuedAt: '2026-03-01T10:00:00.000Z',
    payload: { action: 'SUSPEND', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED', reason: 'Unpaid invoices' },
    ...overrides,
  };
}

const tenantEvents = contractsForQueue('tenant-events');

function malformed(body: string): MalformedMessageError {
  try {
    parseMessage(body, tenantEvents);
  } catch (error) {
    if (error instanceof MalformedMessageError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseMessage', () => {
  it('returns the envelope with the payload as an instance of its message class', () => {
    const { envelope, contract } = parseMessage(JSON.stringify(lifecycleMessage()), tenantEvents);
    expect(contract).toBe(MESSAGES.TENANT_LIFECYCLE_REQUESTED);
    expect(envelope).toMatchObject({
      operationId: OPERATION_ID,
      tenantId: TENANT_ID,
      correlationId: 'req-1',
    });
    expect(envelope.payload).toBeInstanceOf(MESSAGES.TENANT_LIFECYCLE_REQUESTED.payload);
    expect(envelope.payload).toMatchObject({ action: 'SUSPEND', toStatus: 'SUSPENDED' });
  });

  it.each([
    ['a body that is not JSON', '{"messageType":', 'The message body is not JSON'],
    ['a JSON array', '[]', 'The message body is not a JSON object'],
    [
      'a message type of another queue',
      JSON.stringify(lifecycleMessage({ messageType: 'SITE_CREATION' })),
      'is not accepted on this queue',
    ],
    [
      'an unknown message type',
      JSON.stringify(lifecycleMessage({ messageType: 'NOPE' })),
      'is not accepted on this queue',
    ],
    ['a missing correlation id', JSON.stringify(lifecycleMessage({ correlationId: undefined })), 'envelope'],
    [
      'an operation message without an operation id',
      JSON.stringify(lifecycleMessage({ operationId: null })),
      'needs an operationId',
    ],
    ['a malformed tenant id', JSON.stringify(lifecycleMessage({ tenantId: 'acme' })), 'envelope'],
    [
      'a payload value outside its rules',
      JSON.stringify(
        lifecycleMessage({ payload: { action: 'DELETE', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED' } }),
      ),
      'payload',
    ],
    [
      'an unknown payload field',
      JSON.stringify(
        lifecycleMessage({
          payload: { action: 'RESUME', fromStatus: 'SUSPENDED', toStatus: 'ACTIVE', force: true },
        }),
      ),
      'payload',
    ],
  ])('rejects %s as malformed', (_case, body, message) => {
    expect(malformed(body).message).toContain(message);
  });

  it('names the fields that broke the rules and keeps the ids it could read', () => {
    const error = malformed(
      JSON.stringify(
        lifecycleMessage({ payload: { action: 'DELETE', fromStatus: 'ACTIVE', toStatus: 'SUSPENDED' } }),
      ),
    );
    expect(error.code).toBe('MALFORMED_MESSAGE');
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'payload.action' })]);
    expect(error.operationId).toBe(OPERATION_ID);
    expect(error.tenantId).toBe(TENANT_ID);
    expect(error.messageType).toBe('TENANT_LIFECYCLE_REQUESTED');
    expect(
      malformed(JSON.stringify(lifecycleMessage({ messageType: 'SITE_CREATION' }))).messageType,
    ).toBeNull();
  });

  it('treats a newer schema version as retryable, not malformed (a deploy may be rolling out)', () => {
    expect(() => parseMessage(JSON.stringify(lifecycleMessage({ schemaVersion: 2 })), tenantEvents)).toThrow(
      UnsupportedSchemaVersionError,
    );
    expect(new UnsupportedSchemaVersionError('X', 2, 1).retryable).toBe(true);
  });

  it('accepts event messages without an operation id, and platform-wide ones without a tenant', () => {
    const event = buildMessage(
      MESSAGES.RUNTIME_EVENT,
      {
        tenantId: null,
        correlationId: 'ecs-event-1',
        idempotencyKey: 'ecs-event-1',
        payload: {
          environment: 'DEV',
          serviceName: 'dev-acme-service',
          eventName: 'SERVICE_STEADY_STATE',
          occurredAt: '2026-03-01T10:00:00Z',
        },
      },
      new Date(),
    );
    expect(
      parseMessage(JSON.stringify(event), contractsForQueue('instance-events')).envelope.operationId,
    ).toBeNull();
  });
});

describe('buildMessage', () => {
  it('fills in the schema version, issue time and the operation id as idempotency key', () => {
    const message = buildMessage(
      MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      {
        operationId: OPERATION_ID,
        tenantId: TENANT_ID,
        resourceId: TENANT_ID,
        correlationId: 'req-1',
        payload: { action: 'RESUME', fromStatus: 'SUSPENDED', toStatus: 'ACTIVE' },
      },
      new Date('2026-03-01T10:00:00.000Z'),
    );
    expect(message).toEqual(
      lifecycleMessage({ payload: { action: 'RESUME', fromStatus: 'SUSPENDED', toStatus: 'ACTIVE' } }),
    );
  });

  it('refuses to build a message that breaks its own contract', () => {
    expect(() =>
      buildMessage(
        MESSAGES.TENANT_LIFECYCLE_REQUESTED,
        {
          operationId: OPERATION_ID,
          tenantId: TENANT_ID,
          correlationId: 'req-1',
          payload: { action: 'NUKE' } as never,
        },
        new Date(),
      ),
    ).toThrow(MalformedMessageError);
  });

  it('gives every message type of the architecture a contract on its queue', () => {
    const byQueue = (queue: Parameters<typeof contractsForQueue>[0]) =>
      contractsForQueue(queue)
        .map((contract) => contract.messageType)
        .sort();
    expect(byQueue('site-creation')).toEqual(['SITE_CLONE', 'SITE_CREATION']);
    expect(byQueue('site-update')).toEqual(
      [
        'BACKUP',
        'PLUGIN_INSTALLATION',
        'PLUGIN_UNINSTALLATION',
        'PLUGIN_UPDATE',
        'RESTORE',
        'SITE_PROMOTION',
        'SITE_STATUS_CHANGE',
        'SITE_UPDATE',
        'TEMPLATE_APPLICATION',
      ].sort(),
    );
    expect(byQueue('site-deletion')).toEqual(['SITE_DELETION']);
    expect(byQueue('instance-provision')).toEqual(['INSTANCE_PROVISION', 'INSTANCE_UPDATE']);
    expect(byQueue('instance-lifecycle')).toEqual([
      'INSTANCE_PARK',
      'INSTANCE_RESUME',
      'INSTANCE_SCALE',
      'INSTANCE_SUSPEND',
      'INSTANCE_UNPARK',
    ]);
    expect(byQueue('instance-deprovision')).toEqual(['INSTANCE_DEPROVISION']);
    expect(byQueue('tenant-events')).toEqual([
      'INSTANCE_ACTIVE',
      'INSTANCE_DEPROVISIONED',
      'INSTANCE_FAILED',
      'TENANT_LIFECYCLE_REQUESTED',
    ]);
    expect(byQueue('webhooks')).toEqual(['WEBHOOK_DELIVERY', 'WEBHOOK_EVENT']);
  });
});
