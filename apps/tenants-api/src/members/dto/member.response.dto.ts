import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES, type TenantRole } from '@bbws/data-access-memberships';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

export class MemberResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TENANT_ROLES }) role!: TenantRole;
  @ApiProperty({ type: [String] }) teamIds!: string[];
  @ApiProperty() joinedAt!: string;
  @ApiProperty() addedBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class MemberListResponseDto extends PageResponseDto(MemberResponseDto) {}
