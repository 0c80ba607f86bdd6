import { ApiProperty } from '@nestjs/swagger';
import { OPERATION_STATUSES, type OperationStatus } from '@bbws/shared-contracts';
import type { Links } from '@bbws/shared-hateoas';

export class OperationStepResponseDto {
  @ApiProperty({ example: 'change-tenant-status' }) name!: string;
  @ApiProperty({ enum: ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
}

export class OperationErrorResponseDto {
  @ApiProperty({ example: 'UPSTREAM_ERROR' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'Whether the failure was transient (it was retried before giving up)' })
  retryable!: boolean;
}

export class OperationResponseDto {
  @ApiProperty({ example: 'op-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) operationId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty({ example: 'SITE_CREATION' }) type!: string;
  @ApiProperty({
    enum: OPERATION_STATUSES,
    description: 'PENDING → IN_PROGRESS → COMPLETED | FAILED; PENDING → CANCELLED',
  })
  status!: OperationStatus;
  @ApiProperty({ example: 'site' }) resourceType!: string;
  @ApiProperty() resourceId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ nullable: true, type: String }) currentStep!: string | null;
  @ApiProperty({ type: [OperationStepResponseDto] }) steps!: OperationStepResponseDto[];
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: OperationErrorResponseDto })
  error!: OperationErrorResponseDto | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'e.g. the new siteId',
  })
  result!: Record<string, unknown> | null;
  @ApiProperty({ description: 'Deliveries of its message to a worker' }) attempts!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
