import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES } from '@bbws/data-access-memberships';
import { INVITATION_STATUSES, type InvitationStatus } from '@bbws/data-access-tenants';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

export class InvitationResponseDto {
  @ApiProperty() invitationId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: TENANT_ROLES }) role!: string;
  @ApiProperty({ type: [String] }) teamIds!: string[];
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'EXPIRED is derived from expiresAt' })
  status!: InvitationStatus;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() invitedBy!: string;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ maximum: 3 }) resendCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) respondedAt!: string | null;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class InvitationListResponseDto extends PageResponseDto(InvitationResponseDto) {}

export class InvitationPreviewResponseDto {
  @ApiProperty() organizationName!: string;
  @ApiProperty({ enum: TENANT_ROLES }) role!: string;
  @ApiProperty({ example: 'b**@example.com', description: 'Masked' }) email!: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status!: InvitationStatus;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Whether it can still be accepted' }) isValid!: boolean;
}
