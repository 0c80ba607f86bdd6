import { ApiProperty } from '@nestjs/swagger';
import {
  PLUGIN_CATEGORIES,
  PLUGIN_PRICINGS,
  VULNERABILITY_SEVERITIES,
  type PluginCategory,
  type PluginPricing,
  type VulnerabilitySeverity,
} from '@bbws/data-access-catalogue';
import type { Links } from '@bbws/shared-hateoas';

export class PackageArtifactResponseDto {
  @ApiProperty({
    example:
      'packages/plugins/akismet/5.3/1f0c3e9b7a4d2c5e8f6a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e.zip',
  })
  key!: string;
  @ApiProperty({ description: 'Hex SHA-256 computed when the package was accepted' }) sha256!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

export class PluginVulnerabilityResponseDto {
  @ApiProperty({ description: "The feed's id (Wordfence: a UUID)" }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: VULNERABILITY_SEVERITIES }) severity!: VulnerabilitySeverity;
  @ApiProperty({ nullable: true, type: Number }) cvssScore!: number | null;
  @ApiProperty({ nullable: true, type: String }) cve!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The lowest patched version, when one exists' })
  fixedIn!: string | null;
  @ApiProperty({ enum: ['WORDFENCE', 'MANUAL'] }) source!: 'WORDFENCE' | 'MANUAL';
}

export class PluginVersionResponseDto {
  @ApiProperty({ example: '5.3' }) version!: string;
  @ApiProperty({ type: PackageArtifactResponseDto }) packageArtifact!: PackageArtifactResponseDto;
  @ApiProperty({ nullable: true, type: String, description: "The package's Requires at least header" })
  minWordPressVersion!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The package's Requires PHP header" })
  requiresPhp!: string | null;
  @ApiProperty({ type: [PluginVulnerabilityResponseDto] }) vulnerabilities!: PluginVulnerabilityResponseDto[];
  @ApiProperty() addedAt!: string;
  @ApiProperty() addedBy!: string;
}

export class PluginResponseDto {
  @ApiProperty({ example: 'plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' }) pluginId!: string;
  @ApiProperty({ example: 'akismet' }) wpSlug!: string;
  @ApiProperty({ example: 'akismet/akismet', description: "Core's plugin id (folder/main-file)" })
  pluginFile!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: PLUGIN_CATEGORIES }) category!: PluginCategory;
  @ApiProperty({ enum: PLUGIN_PRICINGS }) pricing!: PluginPricing;
  @ApiProperty() isApproved!: boolean;
  @ApiProperty() isBlocklisted!: boolean;
  @ApiProperty({ nullable: true, type: String }) blocklistReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) blocklistedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) blocklistedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) latestVersion!: string | null;
  @ApiProperty({ type: [PluginVersionResponseDto], description: 'Newest first' })
  versions!: PluginVersionResponseDto[];
  @ApiProperty({ type: [String], description: 'Catalogue plugins it cannot be installed next to' })
  conflictsWith!: string[];
  @ApiProperty({ description: 'Sites with the plugin installed' }) installCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Role- and state-aware: admin actions for platform admins (blocklist or unblocklist, ...)',
  })
  _links!: Links;
}

export class PluginListResponseDto {
  @ApiProperty({ type: [PluginResponseDto] }) items!: PluginResponseDto[];
  @ApiProperty() count!: number;
  @ApiProperty() moreAvailable!: boolean;
  @ApiProperty({ nullable: true, type: String }) nextStartAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class InstallCheckResponseDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() pluginId!: string;
  @ApiProperty({
    required: false,
    enum: [
      'PLUGIN_NOT_FOUND',
      'NOT_APPROVED',
      'BLOCKLISTED',
      'VERSION_NOT_FOUND',
      'VULNERABLE',
      'INCOMPATIBLE_WORDPRESS',
      'CONFLICT',
    ],
    description: 'Why not, when ok is false (checked in this order)',
  })
  reason?: string;
  @ApiProperty({ required: false, description: 'The version checked' }) version?: string;
  @ApiProperty({ required: false, type: PackageArtifactResponseDto, description: 'When ok' })
  packageArtifact?: PackageArtifactResponseDto;
  @ApiProperty({ required: false, description: 'When ok' }) pluginFile?: string;
  @ApiProperty({ required: false, nullable: true, type: String, description: 'BLOCKLISTED' })
  blocklistReason?: string | null;
  @ApiProperty({ required: false, type: [String], description: 'VULNERABLE' }) vulnerabilityIds?: string[];
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'VULNERABLE: the lowest newer catalogue version without known vulnerabilities',
  })
  safeVersion?: string | null;
  @ApiProperty({ required: false, description: 'INCOMPATIBLE_WORDPRESS' }) minWordPressVersion?: string;
  @ApiProperty({ required: false, description: 'INCOMPATIBLE_WORDPRESS' }) wordpressVersion?: string;
  @ApiProperty({ required: false, description: 'CONFLICT: the installed plugin' })
  conflictingPluginId?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class UploadSlotResponseDto {
  @ApiProperty({ example: 'upl-0b6f2c1e-5c1d-4f8e-9a55-2f3b8c9d0e1f' }) uploadId!: string;
  @ApiProperty({ enum: ['PLUGIN_PACKAGE', 'VULNERABILITY_FEED'] }) kind!: string;
  @ApiProperty({ description: 'Presigned URL: PUT the bytes there with the headers below' }) url!: string;
  @ApiProperty({ enum: ['PUT'] }) method!: 'PUT';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Send unchanged (Content-Type is signed)',
  })
  headers!: Record<string, string>;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Checked when the upload is accepted' }) maxBytes!: number;
}

export class PackageDownloadResponseDto {
  @ApiProperty({ description: 'Presigned GET of the package (15 minutes)' }) downloadUrl!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Hex SHA-256 the bytes must match' }) sha256!: string;
  @ApiProperty() size!: number;
}
