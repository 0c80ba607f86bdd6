import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Trim, UpperCase } from '@bbws/platform-http';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import { idPattern } from '@bbws/shared-util';
import { RESERVED_SUBDOMAINS, SUBDOMAIN_PATTERN } from '../site.rules';

export class CreateSiteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Acme shop' })
  @Trim()
  @IsString()
  @Length(1, 100)
  siteName!: string;

  @ApiProperty({
    pattern: SUBDOMAIN_PATTERN.source,
    example: 'acme-shop',
    description: `Unique platform-wide; case-insensitive (stored lower-case); reserved: ${RESERVED_SUBDOMAINS.join(', ')}`,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Matches(SUBDOMAIN_PATTERN, {
    message: 'subdomain must be 3-63 lower-case letters, digits or inner hyphens',
  })
  @IsNotIn(RESERVED_SUBDOMAINS, { message: 'subdomain is reserved' })
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
