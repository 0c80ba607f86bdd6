import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TENANT_STATUSES, type TenantStatus } from '@bbws/data-access-tenants';
import { Trim, UpperCase } from '@bbws/platform-http';

export class ChangeTenantStatusRequestDto {
  @ApiProperty({ enum: TENANT_STATUSES })
  @UpperCase()
  @IsIn(TENANT_STATUSES)
  status!: TenantStatus;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Required (10-500 characters) for SUSPENDED and PARKED',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
