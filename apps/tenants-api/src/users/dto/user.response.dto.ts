import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES, type TenantRole } from '@bbws/data-access-memberships';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

const USER_STATUSES = ['ACTIVE', 'PENDING', 'DISABLED', 'UNKNOWN'];

export class UserTenantResponseDto {
  @ApiProperty() tenantId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: TENANT_ROLES }) role!: TenantRole;
  @ApiProperty({ type: [String] }) teamIds!: string[];
  @ApiProperty() joinedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class UserTenantListResponseDto extends PageResponseDto(UserTenantResponseDto) {}

export class UserTeamDto {
  @ApiProperty() tenantId!: string;
  @ApiProperty() teamId!: string;
}

export class UserResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_STATUSES, description: 'UNKNOWN: not in the identity directory (any more)' })
  status!: string;
  @ApiProperty({ type: [UserTeamDto], description: 'Only teams of tenants the caller may see' })
  teams!: UserTeamDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class MeResponseDto {
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_STATUSES }) status!: string;
  @ApiProperty() isPlatformAdmin!: boolean;
  @ApiProperty({ type: [UserTenantResponseDto], description: 'The first 100; follow _links.tenants for all' })
  memberships!: UserTenantResponseDto[];
  @ApiProperty() moreMemberships!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
