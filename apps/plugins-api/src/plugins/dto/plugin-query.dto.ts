import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  PLUGIN_CATEGORIES,
  PLUGIN_PRICINGS,
  type PluginCategory,
  type PluginPricing,
} from '@bbws/data-access-catalogue';
import { PageQueryDto, Trim, UpperCase } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';
import { PLUGIN_VERSION_PATTERN } from './plugin.request.dto';

export class ListPluginsQueryDto extends PageQueryDto {
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

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Case-insensitive substring of the name, wpSlug or description',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class AdminListPluginsQueryDto extends ListPluginsQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only blocklisted (true) or only not blocklisted (false)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  blocklisted?: boolean;
}

const WORDPRESS_VERSION_MESSAGE = 'wordpressVersion must be a WordPress version such as 6.4 or 6.4.2';

export class InstallabilityQueryDto {
  @ApiProperty({ example: '6.4.2', description: "The site's WordPress version" })
  @IsString()
  @MaxLength(32)
  @Matches(PLUGIN_VERSION_PATTERN, { message: WORDPRESS_VERSION_MESSAGE })
  wordpressVersion!: string;

  @ApiPropertyOptional({ example: '1.2.0', description: 'Default: the latest catalogue version' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(PLUGIN_VERSION_PATTERN, { message: 'version must be a version such as 1.2.0' })
  version?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9,plg-2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    description: 'Comma-separated catalogue plugin ids already installed on the site (at most 100)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayMaxSize(100)
  @Matches(idPattern('plg'), { each: true, message: 'installed must list plugin ids (plg-<uuid>)' })
  installed?: string[];
}
