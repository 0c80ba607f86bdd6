import { ApiProperty } from '@nestjs/swagger';
import {
  SITE_HEALTH_STATUSES,
  SITE_STATUSES,
  type SiteHealthStatus,
  type SiteStatus,
} from '@bbws/data-access-sites';
import { HOSTING_ENVIRONMENTS, type HostingEnvironment } from '@bbws/shared-contracts';
import type { Links } from '@bbws/shared-hateoas';

export class SiteConfigurationResponseDto {
  @ApiProperty({ required: false }) title?: string;
  @ApiProperty({ required: false }) tagline?: string;
  @ApiProperty({ required: false }) timezone?: string;
  @ApiProperty({ required: false }) language?: string;
}

export class SiteErrorResponseDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ required: false }) operationId?: string;
}

export class SiteResponseDto {
  @ApiProperty({ example: 'site-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) siteId!: string;
  @ApiProperty({ example: 'tenant-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) tenantId!: string;
  @ApiProperty({ example: 'inst-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) instanceId!: string;
  @ApiProperty({ example: 'Acme shop' }) siteName!: string;
  @ApiProperty({ example: 'acme-shop' }) subdomain!: string;
  @ApiProperty({ example: 'https://acme-shop.wpdev.example.io' }) siteUrl!: string;
  @ApiProperty({ enum: HOSTING_ENVIRONMENTS }) environment!: HostingEnvironment;
  @ApiProperty({ enum: SITE_STATUSES }) status!: SiteStatus;
  @ApiProperty({ nullable: true, type: String }) templateId!: string | null;
  @ApiProperty({ example: '6.6' }) wordpressVersion!: string;
  @ApiProperty({ example: '8.2' }) phpVersion!: string;
  @ApiProperty({ enum: SITE_HEALTH_STATUSES }) healthStatus!: SiteHealthStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'The multisite blog id, once created' })
  wpSiteId!: number | null;
  @ApiProperty({ nullable: true, type: String }) promotedFromSiteId!: string | null;
  @ApiProperty() ownerId!: string;
  @ApiProperty({ type: SiteConfigurationResponseDto }) configuration!: SiteConfigurationResponseDto;
  @ApiProperty({ type: SiteErrorResponseDto, nullable: true }) lastError!: SiteErrorResponseDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '`self`, `status`, `collection`, `tenant`, `instance`, `backups`, and `plugins`, `health` unless DELETED; ' +
      '`operation` while an operation runs on the site (and then no action links). Actions the caller may ' +
      'start now: `update` (PATCH), `delete`, `suspend` / `resume` / `undelete` (PUT status), `clone`, ' +
      '`promote` (with `targetEnvironment`), `applyTemplate`, `createBackup`',
  })
  _links!: Links;
}

export class SiteListResponseDto {
  @ApiProperty({ type: [SiteResponseDto] }) items!: SiteResponseDto[];
  @ApiProperty() count!: number;
  @ApiProperty() moreAvailable!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Opaque cursor for startAt' })
  nextStartAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '`self`, `next`, `create` (ADMIN, OPERATOR)',
  })
  _links!: Links;
}
