import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError as ClassValidatorError } from 'class-validator';
import { AppError, ValidationError, type FieldError } from '@bbws/shared-errors';
import { isId } from '@bbws/shared-util';
import type { MessageContract } from './message-contract';
import { MessageEnvelope, type Envelope } from './message-envelope';

export interface ParsedMessage<P extends object = object> {
  envelope: Envelope<P>;
  contract: MessageContract<P>;
}

/**
 * A message no consumer can ever process (not JSON, unknown type, invalid envelope or payload).
 * Carries the operation and tenant ids when they could still be read, so the operation can be failed,
 * and its message type when the queue accepts that type.
 */
export class MalformedMessageError extends ValidationError {
  constructor(
    message: string,
    fields: FieldError[],
    readonly operationId: string | null,
    readonly tenantId: string | null,
    readonly messageType: string | null = null,
  ) {
    super(message, fields, 'MALFORMED_MESSAGE');
  }
}

/** Written by newer code than this consumer: retried (a deploy may be rolling out), never dropped. */
export class UnsupportedSchemaVersionError extends AppError {
  readonly status = 422;
  override readonly retryable = true;
  constructor(messageType: string, version: number, supported: number) {
    super(
      'UNSUPPORTED_SCHEMA_VERSION',
      `${messageType} schemaVersion ${version} is newer than this consumer reads (${supported})`,
      {
        messageType,
        schemaVersion: version,
        supported,
      },
    );
  }
}

const PAYLOAD_RULES = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};
const ENVELOPE_RULES = {
  whitelist: true,
  forbidNonWhitelisted: false,
  validationError: { target: false, value: false },
};

/** Parses and validates a message body against the contracts a consumer accepts. */
export function parseMessage(body: string, contracts: readonly MessageContract[]): ParsedMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new MalformedMessageError('The message body is not JSON', [], null, null);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MalformedMessageError('The message body is not a JSON object', [], null, null);
  }
  const record = raw as Record<string, unknown>;
  const operationId =
    typeof record.operationId === 'string' && isId('op', record.operationId) ? record.operationId : null;
  const tenantId =
    typeof record.tenantId === 'string' && isId('tenant', record.tenantId) ? record.tenantId : null;
  const contract = contracts.find((candidate) => candidate.messageType === record.messageType);
  const malformed = (message: string, fields: FieldError[] = []) =>
    new MalformedMessageError(message, fields, operationId, tenantId, contract?.messageType ?? null);
  if (!contract)
    throw malformed(`Message type ${JSON.stringify(record.messageType)} is not accepted on this queue`);

  const envelope = plainToInstance(MessageEnvelope, {
    operationId: null,
    tenantId: null,
    resourceId: null,
    ...record,
  });
  const envelopeErrors = flatten(validateSync(envelope, ENVELOPE_RULES));
  if (envelopeErrors.length) throw malformed(`Invalid ${contract.messageType} envelope`, envelopeErrors);
  if (envelope.schemaVersion > contract.schemaVersion) {
    throw new UnsupportedSchemaVersionError(
      contract.messageType,
      envelope.schemaVersion,
      contract.schemaVersion,
    );
  }
  if (contract.kind === 'operation' && envelope.operationId === null) {
    throw malformed(`${contract.messageType} needs an operationId`, [
      { field: 'operationId', messages: ['is required'] },
    ]);
  }
  if (contract.tenantScoped && envelope.tenantId === null) {
    throw malformed(`${contract.messageType} needs a tenantId`, [
      { field: 'tenantId', messages: ['is required'] },
    ]);
  }
  const payload = plainToInstance(contract.payload, envelope.payload);
  const payloadErrors = flatten(validateSync(payload, PAYLOAD_RULES), 'payload');
  if (payloadErrors.length) throw malformed(`Invalid ${contract.messageType} payload`, payloadErrors);
  return { envelope: { ...envelope, payload }, contract };
}

function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
