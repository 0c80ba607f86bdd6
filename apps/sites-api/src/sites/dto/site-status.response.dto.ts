import { ApiProperty } from '@nestjs/swagger';
import {
  SITE_HEALTH_STATUSES,
  SITE_STATUSES,
  type SiteHealthStatus,
  type SiteStatus,
} from '@bbws/data-access-sites';
import type { Links } from '@bbws/shared-hateoas';
import { SiteErrorResponseDto } from './site.response.dto';

/** The operation running on the site, as far as it got. */
export class SiteOperationProgressResponseDto {
  @ApiProperty() operationId!: string;
  @ApiProperty({ example: 'SITE_CREATION' }) type!: string;
  @ApiProperty({ enum: ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] }) status!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ nullable: true, type: String }) currentStep!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
}

export class SiteStatusResponseDto {
  @ApiProperty() siteId!: string;
  @ApiProperty({ enum: SITE_STATUSES }) status!: SiteStatus;
  @ApiProperty({ enum: SITE_HEALTH_STATUSES }) healthStatus!: SiteHealthStatus;
  @ApiProperty({ type: SiteErrorResponseDto, nullable: true }) lastError!: SiteErrorResponseDto | null;
  @ApiProperty({ type: SiteOperationProgressResponseDto, nullable: true, description: 'null when none runs' })
  operation!: SiteOperationProgressResponseDto | null;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
