import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  PLUGIN_CATEGORIES,
  PLUGIN_PRICINGS,
  type PluginCategory,
  type PluginPricing,
} from '@bbws/data-access-catalogue';
import { Trim, UpperCase } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';

const UPLOAD_ID = idPattern('upl');
const PLUGIN_ID = idPattern('plg');
/** As core's headers write versions: `5.3`, `1.0.0.1`, `2.0.0-beta1`. */
export const PLUGIN_VERSION_PATTERN = /^\d+(\.\d+){0,3}([-+.]?[0-9A-Za-z.-]+)?$/;
const VERSION_MESSAGE = 'version must be a version such as 1.2.0';
const PLUGIN_ID_EXAMPLE = 'plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

export class PluginVersionRequestDto {
  @ApiProperty({
    example: 'upl-0b6f2c1e-5c1d-4f8e-9a55-2f3b8c9d0e1f',
    description: 'A PLUGIN_PACKAGE upload (POST /v1.0/admin/plugins/uploads, then PUT the zip to its URL)',
  })
  @Matches(UPLOAD_ID, { message: 'uploadId must be an upload id (upl-<uuid>)' })
  uploadId!: string;

  @ApiPropertyOptional({
    example: '1.2.0',
    maxLength: 32,
    description: "Must equal the package's Version header (422 VERSION_MISMATCH); default: taken from it",
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(PLUGIN_VERSION_PATTERN, { message: VERSION_MESSAGE })
  version?: string;
}

/** What register and update share (all optional here; register requires its own). */
class PluginDetailsDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Shown in the public catalogue (and installable) only while approved',
  })
  @IsOptional()
  @IsBoolean()
  approved?: boolean;
}

export class RegisterPluginRequestDto extends PluginDetailsDto {
  @ApiProperty({ example: 'akismet', description: "wordpress.org slug = the package's top folder; unique" })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,99}$/, {
    message: 'wpSlug must be a plugin folder name (1-100 of a-z, 0-9, _ and -)',
  })
  wpSlug!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Akismet Anti-spam' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: PLUGIN_CATEGORIES, description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(PLUGIN_CATEGORIES)
  category!: PluginCategory;

  @ApiProperty({ enum: PLUGIN_PRICINGS, description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(PLUGIN_PRICINGS)
  pricing!: PluginPricing;

  @ApiPropertyOptional({
    type: [String],
    example: [PLUGIN_ID_EXAMPLE],
    description: 'Catalogue plugins it cannot run next to (also added on their side; 422 UNKNOWN_PLUGINS)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(PLUGIN_ID, { each: true, message: 'each of conflictsWith must be a plugin id (plg-<uuid>)' })
  conflictsWith?: string[];

  @ApiPropertyOptional({
    type: [PluginVersionRequestDto],
    description: 'Packages inspected and accepted as for POST .../versions, before the plugin is stored',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PluginVersionRequestDto)
  versions?: PluginVersionRequestDto[];
}

export class UpdatePluginRequestDto extends PluginDetailsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: PLUGIN_CATEGORIES })
  @IsOptional()
  @UpperCase()
  @IsIn(PLUGIN_CATEGORIES)
  category?: PluginCategory;

  @ApiPropertyOptional({ enum: PLUGIN_PRICINGS })
  @IsOptional()
  @UpperCase()
  @IsIn(PLUGIN_PRICINGS)
  pricing?: PluginPricing;
}

export class BlocklistPluginRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Abandoned upstream; unpatched XSS' })
  @Trim()
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class PluginConflictsRequestDto {
  @ApiProperty({
    type: [String],
    example: [PLUGIN_ID_EXAMPLE],
    description: 'The full set (replaces the current one); kept symmetric on the other plugins',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(PLUGIN_ID, { each: true, message: 'each of conflictsWith must be a plugin id (plg-<uuid>)' })
  conflictsWith!: string[];
}

export const PLUGIN_UPLOAD_KINDS = ['PLUGIN_PACKAGE', 'VULNERABILITY_FEED'] as const;
export type PluginUploadKind = (typeof PLUGIN_UPLOAD_KINDS)[number];

export class CreatePluginUploadRequestDto {
  @ApiProperty({ enum: PLUGIN_UPLOAD_KINDS })
  @UpperCase()
  @IsIn(PLUGIN_UPLOAD_KINDS)
  kind!: PluginUploadKind;

  @ApiProperty({
    example: 'application/zip',
    description: 'application/zip for PLUGIN_PACKAGE, application/json for VULNERABILITY_FEED',
  })
  @IsString()
  @MaxLength(100)
  contentType!: string;
}
