import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATION_STATUSES, type OperationError, type OperationStatus } from '@bbws/shared-contracts';
import type { Links } from '@bbws/shared-hateoas';

export class OperationStepResponseDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
}

/** The operation resource (API.md § Async operations); its full view is GET /v1.0/operations/{id}. */
export class OperationResponseDto {
  @ApiProperty({ example: 'op-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) operationId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty({ example: 'TENANT_SUSPEND' }) type!: string;
  @ApiProperty({ enum: OPERATION_STATUSES }) status!: OperationStatus;
  @ApiProperty({ example: 'tenant' }) resourceType!: string;
  @ApiProperty() resourceId!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) currentStep!: string | null;
  @ApiProperty({ type: [OperationStepResponseDto] }) steps!: OperationStepResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) message!: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true })
  error!: OperationError | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) result!: Record<
    string,
    unknown
  > | null;
  @ApiProperty() attempts!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) startedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
