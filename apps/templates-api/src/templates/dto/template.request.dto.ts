import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsSemVer,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '@bbws/data-access-catalogue';
import { MaxJsonBytes, Trim, UpperCase } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';
import { TEMPLATE_OPTION_NAMES } from '../template-options.rules';

const UPLOAD_ID = idPattern('upl');
const PLUGIN_ID = idPattern('plg');
const UPLOAD_EXAMPLE = 'upl-0b6f2c1e-5c1d-4f8e-9a55-2f3b8c9d0e1f';

export class TemplateThemeRequestDto {
  @ApiProperty({ example: 'twentytwentythree', description: "The theme's stylesheet (folder) slug" })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'slug must be a theme folder name (a-z, 0-9, _ and -)' })
  slug!: string;

  @ApiPropertyOptional({
    example: UPLOAD_EXAMPLE,
    description:
      'A THEME_PACKAGE upload: the zip is inspected (its top folder must equal slug, else 422 INVALID_PACKAGE ' +
      'THEME_MISMATCH) and kept under packages/themes/{slug}/{sha256}.zip. Without it the theme must be on ' +
      'the instance already (a core theme); on update, the current package is kept while the slug stays.',
  })
  @IsOptional()
  @Matches(UPLOAD_ID, { message: 'packageUploadId must be an upload id (upl-<uuid>)' })
  packageUploadId?: string;
}

export class TemplatePageRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Home' })
  @Trim()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'home', description: 'Unique within the template; pages are applied by slug' })
  @Matches(/^[a-z0-9-]{1,100}$/, { message: 'slug must be 1-100 of a-z, 0-9 and -' })
  slug!: string;

  @ApiProperty({
    example: '<!-- wp:paragraph --><p>Welcome</p><!-- /wp:paragraph -->',
    description: 'Block markup',
  })
  @IsString()
  content!: string;
}

/** What create and update share; every field optional here, create requires its own. */
class TemplateFieldsDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'A clean one-page site for agencies' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: '1.0.0', description: 'Semver; default 1.0.0' })
  @IsOptional()
  @IsSemVer({ message: 'templateVersion must be a semantic version such as 1.2.0' })
  templateVersion?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9'],
    description: 'Catalogue plugins (422 UNKNOWN_PLUGINS when one is missing)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(PLUGIN_ID, { each: true, message: 'each plugin must be a plugin id (plg-<uuid>)' })
  plugins?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      blogdescription: 'Design studio',
      show_on_front: 'page',
      page_on_front: 'home',
      blog_public: true,
    },
    description: `WordPress options, only these (typed): ${TEMPLATE_OPTION_NAMES.join(', ')}; page_on_front names a page slug`,
  })
  @IsOptional()
  @IsObject()
  @MaxJsonBytes(8 * 1024)
  options?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [TemplatePageRequestDto],
    maxItems: 50,
    description: 'At most 200 KB of content in total',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TemplatePageRequestDto)
  pages?: TemplatePageRequestDto[];

  @ApiPropertyOptional({
    type: [String],
    example: [UPLOAD_EXAMPLE],
    description:
      'SCREENSHOT uploads (png, jpeg or webp, at most 5 MiB), kept as packages/screenshots/{sha256}.{ext}; the first is the preview. On update they replace the screenshots.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(UPLOAD_ID, { each: true, message: 'each screenshot must be an upload id (upl-<uuid>)' })
  screenshotUploadIds?: string[];

  @ApiPropertyOptional({ example: 'https://demo.example.com/agency', nullable: true, type: String })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'demoUrl must be an http(s) URL' },
  )
  @MaxLength(2000)
  demoUrl?: string | null;

  @ApiPropertyOptional({ example: '6.1', description: 'Default 6.1' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  minWordPressVersion?: string;
}

export class CreateTemplateRequestDto extends TemplateFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Agency' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: TEMPLATE_CATEGORIES, description: 'Case-insensitive' })
  @UpperCase()
  @IsIn(TEMPLATE_CATEGORIES)
  category!: TemplateCategory;

  @ApiProperty({ type: TemplateThemeRequestDto })
  @ValidateNested()
  @Type(() => TemplateThemeRequestDto)
  theme!: TemplateThemeRequestDto;
}

/**
 * PATCH and PUT: the fields given replace the current ones. On a PUBLISHED template, a change of theme,
 * plugins, options, pages or minWordPressVersion needs a higher templateVersion (422 TEMPLATE_VERSION_NOT_INCREASED).
 */
export class UpdateTemplateRequestDto extends TemplateFieldsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_CATEGORIES })
  @IsOptional()
  @UpperCase()
  @IsIn(TEMPLATE_CATEGORIES)
  category?: TemplateCategory;

  @ApiPropertyOptional({ type: TemplateThemeRequestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateThemeRequestDto)
  theme?: TemplateThemeRequestDto;
}

export class CloneTemplateRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Default: "<name> (copy)"' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  name?: string;
}

export const TEMPLATE_UPLOAD_KINDS = ['THEME_PACKAGE', 'SCREENSHOT'] as const;
export type TemplateUploadKind = (typeof TEMPLATE_UPLOAD_KINDS)[number];

export class CreateTemplateUploadRequestDto {
  @ApiProperty({ enum: TEMPLATE_UPLOAD_KINDS })
  @UpperCase()
  @IsIn(TEMPLATE_UPLOAD_KINDS)
  kind!: TemplateUploadKind;

  @ApiProperty({
    example: 'application/zip',
    description: 'THEME_PACKAGE: application/zip; SCREENSHOT: image/png, image/jpeg or image/webp',
  })
  @IsString()
  @MaxLength(100)
  contentType!: string;
}
