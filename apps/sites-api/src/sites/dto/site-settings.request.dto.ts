import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@bbws/platform-http';

/** An IANA time zone the runtime knows (`Europe/Berlin`, `UTC`), as WordPress's `timezone_string`. */
function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
        try {
          new Intl.DateTimeFormat('en', { timeZone: value });
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'timezone must be an IANA time zone such as Europe/Berlin',
    },
  });
}

/** WordPress locales: `en_US`, `de_DE_formal`, `fr`. */
const LOCALE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?(_[a-z0-9]+)?$/;

export class SiteConfigurationPatchDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: "WordPress's site title" })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 500, description: "WordPress's tagline (blogdescription); may be empty" })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(0, 500)
  tagline?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'en_US', pattern: LOCALE_PATTERN.source })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'language must be a WordPress locale such as en_US' })
  language?: string;
}

/** PUT: every setting given (the settings are replaced as a whole). */
export class SiteConfigurationPutDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ maxLength: 500 })
  @Trim()
  @IsString()
  @Length(0, 500)
  tagline!: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsTimeZone()
  timezone!: string;

  @ApiProperty({ example: 'en_US', pattern: LOCALE_PATTERN.source })
  @Matches(LOCALE_PATTERN, { message: 'language must be a WordPress locale such as en_US' })
  language!: string;
}

export class PatchSiteRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  siteName?: string;

  @ApiPropertyOptional({ type: SiteConfigurationPatchDto, description: 'Merged into the current settings' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SiteConfigurationPatchDto)
  configuration?: SiteConfigurationPatchDto;
}

export class PutSiteRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @Length(1, 100)
  siteName!: string;

  @ApiProperty({ type: SiteConfigurationPutDto, description: 'Replaces the current settings' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SiteConfigurationPutDto)
  configuration!: SiteConfigurationPutDto;
}
