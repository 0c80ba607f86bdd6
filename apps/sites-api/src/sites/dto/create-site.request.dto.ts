import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Trim, UpperCase } from '@bbws/platform-http';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { idPattern } from '@bbws/shared-util';
import { SubdomainField } from './subdomain.field';

export class CreateSiteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Acme shop' })
  @Trim()
  @IsString()
  @Length(1, 100)
  siteName!: string;

  @SubdomainField('acme-shop')
  subdomain!: string;

  @ApiPropertyOptional({
    enum: HOSTING_ENVIRONMENTS,
    default: 'DEV',
    description: 'Case-insensitive; PROD needs the ADMIN role',
  })
  @IsOptional()
  @UpperCase()
  @IsIn(HOSTING_ENVIRONMENTS)
  environment?: HostingEnvironment;

  @ApiPropertyOptional({
    example: 'tpl-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f',
    description: 'A PUBLISHED template',
  })
  @IsOptional()
  @Matches(idPattern('tpl'), { message: 'templateId must look like tpl-<uuid>' })
  templateId?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'Catalogue plugin ids (plg-<uuid>), installed and activated at their latest version',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(idPattern('plg'), { each: true, message: 'each plugin must look like plg-<uuid>' })
  plugins?: string[];

  @ApiPropertyOptional({ example: 'owner@acme.test', description: "The WordPress site admin's email" })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  adminEmail?: string;
}
