import { IsISO8601, IsInt, IsObject, IsString, Length, Matches, Min, ValidateIf } from 'class-validator';
import { idPattern } from '@bbws/shared-util';

/**
 * What every queue message carries (ARCHITECTURE.md § Async flows). `operationId` is null only on
 * event messages that are not part of an operation; `tenantId` only on platform-wide events.
 */
export interface Envelope<P extends object = object> {
  messageType: string;
  schemaVersion: number;
  operationId: string | null;
  tenantId: string | null;
  resourceId: string | null;
  correlationId: string;
  idempotencyKey: string;
  issuedAt: string;
  payload: P;
}

/** The envelope's own rules; the payload is validated by its message type's class. */
export class MessageEnvelope implements Envelope<Record<string, unknown>> {
  @IsString()
  @Length(1, 64)
  messageType!: string;

  @IsInt()
  @Min(1)
  schemaVersion!: number;

  @ValidateIf((envelope: MessageEnvelope) => envelope.operationId !== null)
  @Matches(idPattern('op'), { message: 'operationId must look like op-<uuid>' })
  operationId!: string | null;

  @ValidateIf((envelope: MessageEnvelope) => envelope.tenantId !== null)
  @Matches(idPattern('tenant'), { message: 'tenantId must look like tenant-<uuid>' })
  tenantId!: string | null;

  @ValidateIf((envelope: MessageEnvelope) => envelope.resourceId !== null)
  @IsString()
  @Length(1, 200)
  resourceId!: string | null;

  @IsString()
  @Length(1, 128)
  correlationId!: string;

  @IsString()
  @Length(1, 200)
  idempotencyKey!: string;

  @IsISO8601({ strict: true })
  issuedAt!: string;

  @IsObject()
  payload!: Record<string, unknown>;
}
