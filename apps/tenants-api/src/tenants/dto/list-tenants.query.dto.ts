import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { TENANT_STATUSES, type TenantStatus } from '@bbws/data-access-tenants';
import { PageQueryDto, UpperCase } from '@bbws/platform-http';

export class ListTenantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENANT_STATUSES })
  @IsOptional()
  @UpperCase()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;

  @ApiPropertyOptional({ description: 'Organization name prefix, case-insensitive' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}
