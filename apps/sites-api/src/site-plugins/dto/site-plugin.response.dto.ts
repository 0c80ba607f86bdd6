import { ApiProperty } from '@nestjs/swagger';

type Links = Record<string, { href: string; method?: string }>;

export class SitePluginResponseDto {
  @ApiProperty({ example: 'plg-2f1c…' })
  pluginId!: string;

  @ApiProperty({ description: "The catalogue's name (the plugin file when the catalogue no longer has it)" })
  name!: string;

  @ApiProperty({ example: 'wordpress-seo/wp-seo' })
  pluginFile!: string;

  @ApiProperty({ example: '1.0.0' })
  installedVersion!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The version before the last update' })
  previousVersion!: string | null;

  @ApiProperty({ type: String, nullable: true })
  latestVersion!: string | null;

  @ApiProperty()
  hasUpdate!: boolean;

  @ApiProperty()
  isActive!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Kept in WordPress as JSON in the site option bbws_plugin_config_{folder}; updates keep it',
  })
  configuration!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  installedAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    example: { site: { href: '/v1.0/tenants/t/sites/s' }, status: { href: '…/status', method: 'PUT' } },
    description:
      'site, catalogue; status, update (when newer), config, uninstall (ADMIN) when the caller may act',
  })
  _links!: Links;
}

export class SitePluginListResponseDto {
  @ApiProperty({ type: [SitePluginResponseDto] })
  items!: SitePluginResponseDto[];

  @ApiProperty()
  count!: number;

  @ApiProperty({ example: { self: { href: '/v1.0/tenants/t/sites/s/plugins' } } })
  _links!: Links;
}
