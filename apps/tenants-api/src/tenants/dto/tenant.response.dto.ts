import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TENANT_STATUSES, TENANT_TIERS, type TenantStatus, type TenantTier } from '@bbws/data-access-tenants';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

export class TenantResponseDto {
  @ApiProperty({ example: 'tenant-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) tenantId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty() contactEmail!: string;
  @ApiProperty({ enum: TENANT_TIERS }) tier!: TenantTier;
  @ApiProperty({ enum: TENANT_STATUSES }) status!: TenantStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'State- and role-aware actions; `operation` while an operation runs on the tenant (GET of one tenant)',
  })
  _links!: Links;
}

export class AuditEventResponseDto {
  @ApiProperty() eventId!: string;
  @ApiProperty() timestamp!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional() beforeStatus?: string;
  @ApiPropertyOptional() afterStatus?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}

export class TenantListResponseDto extends PageResponseDto(TenantResponseDto) {}

export class AuditEventListResponseDto extends PageResponseDto(AuditEventResponseDto) {}
