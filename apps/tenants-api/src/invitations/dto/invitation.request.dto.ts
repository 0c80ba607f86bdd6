import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TENANT_ROLES, type TenantRole } from '@bbws/data-access-memberships';
import { INVITATION_STATUSES, type InvitationStatus } from '@bbws/data-access-tenants';
import { PageQueryDto, Trim, UpperCase } from '@bbws/platform-http';
import { MAX_TEAMS_PER_MEMBER, TEAM_ID } from '../../members/dto/member.request.dto';

export class CreateInvitationRequestDto {
  @ApiProperty({ example: 'bob@example.com' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

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

  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  expiresInDays?: number;

  @ApiPropertyOptional({ maxLength: 1000, description: 'A personal note shown in the email' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  message?: string;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @UpperCase()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}
