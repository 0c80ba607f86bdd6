import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto, UpperCase } from '@bbws/platform-http';
import { OPERATION_STATUSES, type OperationStatus } from '@bbws/shared-contracts';

export class ListOperationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OPERATION_STATUSES })
  @IsOptional()
  @UpperCase()
  @IsIn(OPERATION_STATUSES)
  status?: OperationStatus;

  @ApiPropertyOptional({ example: 'SITE_CREATION' })
  @IsOptional()
  @UpperCase()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'type must be an operation type like SITE_CREATION' })
  type?: string;

  @ApiPropertyOptional({ example: 'site-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'resourceId must be a resource id' })
  resourceId?: string;
}
