import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SITE_STATUSES, type SiteStatus } from '@bbws/data-access-sites';
import { PageQueryDto, UpperCase } from '@bbws/platform-http';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';

export class ListSitesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: HOSTING_ENVIRONMENTS, description: 'Case-insensitive' })
  @IsOptional()
  @UpperCase()
  @IsIn(HOSTING_ENVIRONMENTS)
  environment?: HostingEnvironment;

  @ApiPropertyOptional({ enum: SITE_STATUSES, description: 'Case-insensitive' })
  @IsOptional()
  @UpperCase()
  @IsIn(SITE_STATUSES)
  status?: SiteStatus;
}
