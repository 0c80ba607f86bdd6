import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { TENANT_ROLES, type TenantRole } from '@bbws/data-access-memberships';
import { PageQueryDto, Trim, UpperCase } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';

export const TEAM_ID = idPattern('team');
export const MAX_TEAMS_PER_MEMBER = 20;

/** A role and team assignments: what adding a member and inviting one both grant. */
export abstract class MembershipGrantDto {
  @ApiProperty({ enum: TENANT_ROLES, description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(TENANT_ROLES)
  role!: TenantRole;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TEAMS_PER_MEMBER })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS_PER_MEMBER)
  @Matches(TEAM_ID, { each: true, message: 'each teamId must look like team-<uuid>' })
  teamIds?: string[];
}

export class AddMemberRequestDto extends MembershipGrantDto {
  @ApiProperty({
    example: 'bob@example.com',
    description: 'Must exist in the identity directory (invite otherwise)',
  })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class UpdateMemberRequestDto {
  @ApiPropertyOptional({ enum: TENANT_ROLES })
  @IsOptional()
  @UpperCase()
  @IsIn(TENANT_ROLES)
  role?: TenantRole;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_TEAMS_PER_MEMBER,
    description: 'Replaces the assignments',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS_PER_MEMBER)
  @Matches(TEAM_ID, { each: true, message: 'each teamId must look like team-<uuid>' })
  teamIds?: string[];
}

export class ListMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENANT_ROLES })
  @IsOptional()
  @UpperCase()
  @IsIn(TENANT_ROLES)
  role?: TenantRole;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(TEAM_ID, { message: 'teamId must look like team-<uuid>' })
  teamId?: string;
}
