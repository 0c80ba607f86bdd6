import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MaxJsonBytes } from '@bbws/platform-http';
import { idPattern } from '@bbws/shared-util';

const VERSION = /^\d+(\.\d+){0,3}$/;
export const PLUGIN_CONFIG_MAX_BYTES = 16 * 1024;

export class InstallSitePluginRequestDto {
  @ApiProperty({ example: 'plg-5b0e…', description: 'A catalogue plugin' })
  @Matches(idPattern('plg'), { message: 'pluginId must look like plg-<uuid>' })
  pluginId!: string;

  @ApiPropertyOptional({ example: '1.2.0', description: "Default: the catalogue's latest version" })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(VERSION, { message: 'version must be a version such as 1.2.0' })
  version?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  activate?: boolean;
}

export class SitePluginStatusRequestDto {
  @ApiProperty()
  @IsBoolean()
  isActive!: boolean;
}

export class UpdateSitePluginRequestDto {
  @ApiPropertyOptional({ example: '2.0.0', description: "Default: the catalogue's latest version" })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  @Matches(VERSION, { message: 'version must be a version such as 1.2.0' })
  version?: string;
}

export class SitePluginConfigRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Replaces the configuration; at most 16 KiB as JSON',
  })
  @IsObject()
  @MaxJsonBytes(PLUGIN_CONFIG_MAX_BYTES)
  configuration!: Record<string, unknown>;
}
