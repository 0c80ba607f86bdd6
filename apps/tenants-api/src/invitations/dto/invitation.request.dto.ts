import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INVITATION_STATUSES, type InvitationStatus } from '@bbws/data-access-tenants';
import { PageQueryDto, Trim, UpperCase } from '@bbws/platform-http';
import { MembershipGrantDto } from '../../members/dto/member.request.dto';

export class CreateInvitationRequestDto extends MembershipGrantDto {
  @ApiProperty({ example: 'bob@example.com' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

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
