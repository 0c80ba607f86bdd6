import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type TemplateCategory,
  type TemplateStatus,
} from '@bbws/data-access-catalogue';
import { PageQueryDto, Trim, UpperCase } from '@bbws/platform-http';

export class ListTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_CATEGORIES })
  @IsOptional()
  @UpperCase()
  @IsIn(TEMPLATE_CATEGORIES)
  category?: TemplateCategory;

  @ApiPropertyOptional({
    description: 'Case-insensitive substring of the name or description',
    maxLength: 100,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class ListAdminTemplatesQueryDto extends ListTemplatesQueryDto {
  @ApiPropertyOptional({
    enum: TEMPLATE_STATUSES,
    description: 'Default: every status (DRAFT, then PUBLISHED, then ARCHIVED, each by name)',
  })
  @IsOptional()
  @UpperCase()
  @IsIn(TEMPLATE_STATUSES)
  status?: TemplateStatus;
}
