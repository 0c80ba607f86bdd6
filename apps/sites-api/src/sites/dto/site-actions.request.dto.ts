import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim, UpperCase } from '@bbws/platform-http';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { idPattern } from '@bbws/shared-util';
import { SubdomainField } from './subdomain.field';

export class ChangeSiteStatusRequestDto {
  @ApiProperty({ enum: ['ACTIVE', 'SUSPENDED'], description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(['ACTIVE', 'SUSPENDED'])
  status!: 'ACTIVE' | 'SUSPENDED';

  @ApiPropertyOptional({ minLength: 1, maxLength: 500, description: 'Kept on the operation' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class DeleteSiteQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'PROD: delete at once instead of the 24 h soft delete (tenant ADMINs may force)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  force?: 'true' | 'false';
}

export class CloneSiteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Acme shop (copy)' })
  @Trim()
  @IsString()
  @Length(1, 100)
  siteName!: string;

  @SubdomainField('acme-shop-copy')
  subdomain!: string;

  @ApiPropertyOptional({
    enum: HOSTING_ENVIRONMENTS,
    description: "Default: the source's; PROD needs the ADMIN role",
  })
  @IsOptional()
  @UpperCase()
  @IsIn(HOSTING_ENVIRONMENTS)
  environment?: HostingEnvironment;
}

export class PromoteSiteRequestDto {
  @ApiProperty({ enum: ['SIT', 'PROD'], description: 'DEV→SIT, SIT→PROD; case-insensitive' })
  @UpperCase()
  @IsIn(['SIT', 'PROD'])
  targetEnvironment!: 'SIT' | 'PROD';

  @ApiPropertyOptional({ default: true, description: 'Copy the database (posts, pages, options)' })
  @IsOptional()
  @IsBoolean()
  includeDatabase?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Copy the uploads' })
  @IsOptional()
  @IsBoolean()
  includeFiles?: boolean;
}

export class ApplyTemplateRequestDto {
  @ApiProperty({ example: 'tpl-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f', description: 'A PUBLISHED template' })
  @Matches(idPattern('tpl'), { message: 'templateId must look like tpl-<uuid>' })
  templateId!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Required true when the site has content (a template applied or promoted content)',
  })
  @IsOptional()
  @IsBoolean()
  confirmReplacement?: boolean;
}
