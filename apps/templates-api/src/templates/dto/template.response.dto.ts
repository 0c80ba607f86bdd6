import { ApiProperty } from '@nestjs/swagger';
import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type TemplateCategory,
  type TemplateStatus,
} from '@bbws/data-access-catalogue';
import { UPLOAD_KINDS, type UploadKind } from '@bbws/integrations-packages';
import type { Links } from '@bbws/shared-hateoas';

const SHA256_EXAMPLE = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

export class PackageArtifactResponseDto {
  @ApiProperty({ example: `packages/themes/bbws-agency/${SHA256_EXAMPLE}.zip` }) key!: string;
  @ApiProperty({ example: SHA256_EXAMPLE, description: 'Hex SHA-256 computed when accepted' })
  sha256!: string;
  @ApiProperty({ example: 48213 }) size!: number;
}

export class ScreenshotResponseDto extends PackageArtifactResponseDto {
  @ApiProperty({ example: 'image/png' }) contentType!: string;
}

export class TemplateThemeResponseDto {
  @ApiProperty({ example: 'twentytwentythree' }) slug!: string;
  @ApiProperty({
    type: PackageArtifactResponseDto,
    nullable: true,
    description: 'null: a theme on the instance already',
  })
  packageArtifact!: PackageArtifactResponseDto | null;
}

export class TemplatePageResponseDto {
  @ApiProperty({ example: 'Home' }) title!: string;
  @ApiProperty({ example: 'home' }) slug!: string;
  @ApiProperty({ example: '<!-- wp:paragraph --><p>Welcome</p><!-- /wp:paragraph -->' }) content!: string;
}

export class TemplateResponseDto {
  @ApiProperty({ example: 'tpl-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) templateId!: string;
  @ApiProperty({ example: 'Agency' }) name!: string;
  @ApiProperty({ example: 'A clean one-page site for agencies' }) description!: string;
  @ApiProperty({ enum: TEMPLATE_CATEGORIES }) category!: TemplateCategory;
  @ApiProperty({ example: '1.2.0', description: "The template's semver" }) templateVersion!: string;
  @ApiProperty({ enum: TEMPLATE_STATUSES }) status!: TemplateStatus;
  @ApiProperty({ type: TemplateThemeResponseDto }) theme!: TemplateThemeResponseDto;
  @ApiProperty({ type: [String], example: ['plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9'] }) plugins!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { blogdescription: 'Design studio', blog_public: true },
  })
  options!: Record<string, string | number | boolean>;
  @ApiProperty({ type: [TemplatePageResponseDto] }) pages!: TemplatePageResponseDto[];
  @ApiProperty({ type: [ScreenshotResponseDto] }) screenshots!: ScreenshotResponseDto[];
  @ApiProperty({ nullable: true, type: String, example: 'https://demo.example.com/agency' }) demoUrl!:
    string | null;
  @ApiProperty({ example: '6.1' }) minWordPressVersion!: string;
  @ApiProperty({ description: 'Sites built from the template' }) usageCount!: number;
  @ApiProperty({ nullable: true, type: String }) clonedFromTemplateId!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'self, collection, preview (with screenshots); for platform admins the state-aware update, publish, archive, clone and delete',
  })
  _links!: Links;
}

export class TemplateListResponseDto {
  @ApiProperty({ type: [TemplateResponseDto] }) items!: TemplateResponseDto[];
  @ApiProperty() count!: number;
  @ApiProperty() moreAvailable!: boolean;
  @ApiProperty({ nullable: true, type: String }) nextStartAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class TemplateCategoryCountDto {
  @ApiProperty({ enum: TEMPLATE_CATEGORIES }) category!: TemplateCategory;
  @ApiProperty({ description: 'PUBLISHED templates in the category', example: 3 }) count!: number;
}

export class TemplateCategoriesResponseDto {
  @ApiProperty({ type: [TemplateCategoryCountDto] }) items!: TemplateCategoryCountDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class TemplatePreviewResponseDto {
  @ApiProperty({ description: 'Presigned GET of the first screenshot (15 minutes)' }) previewUrl!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class UploadSlotResponseDto {
  @ApiProperty({ example: 'upl-0b6f2c1e-5c1d-4f8e-9a55-2f3b8c9d0e1f' }) uploadId!: string;
  @ApiProperty({ enum: Object.keys(UPLOAD_KINDS) }) kind!: UploadKind;
  @ApiProperty({ description: 'Presigned PUT into uploads/{uploadId} (15 minutes)' }) url!: string;
  @ApiProperty({ enum: ['PUT'] }) method!: 'PUT';
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'content-type': 'application/zip' },
    description: 'Send unchanged',
  })
  headers!: Record<string, string>;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'Checked when the upload is used', example: 52428800 }) maxBytes!: number;
}
