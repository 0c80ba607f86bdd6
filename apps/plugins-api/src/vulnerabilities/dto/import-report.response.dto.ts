import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Links } from '@bbws/shared-hateoas';
import type { ImportSkipReason } from '../feed-vulnerability';

const SKIP_REASONS: ImportSkipReason[] = [
  'INFORMATIONAL',
  'UNCOMPARABLE_RANGE',
  'UNCOMPARABLE_PATCHED_VERSION',
  'UNCOMPARABLE_CATALOGUE_VERSION',
  'PLUGIN_DELETED',
  'PLUGIN_KEPT_CHANGING',
];
const VULNERABILITY_ID = '848ccbdc-c6f1-480f-a272-cd459e706713';
const LINKS = { type: 'object', additionalProperties: true } as const;

export class VersionChangeResponseDto {
  @ApiProperty({ example: 'plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' }) pluginId!: string;
  @ApiProperty({ example: 'contact-form-7' }) wpSlug!: string;
  @ApiProperty({ example: '5.8.1' }) version!: string;
  @ApiProperty({ type: [String], example: [VULNERABILITY_ID], description: 'WORDFENCE ids now listed' })
  added!: string[];
  @ApiProperty({ type: [String], example: [], description: 'WORDFENCE ids the feed no longer holds' })
  removed!: string[];
  @ApiProperty({ type: [String], example: [], description: 'Still listed, with new details' })
  updated!: string[];
  @ApiProperty({
    ...LINKS,
    example: { plugin: { href: '/v1.0/plugins/plg-1f0e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' } },
  })
  _links!: Links;
}

export class ImportSkipResponseDto {
  @ApiProperty({ enum: SKIP_REASONS }) reason!: ImportSkipReason;
  @ApiPropertyOptional({ example: VULNERABILITY_ID }) vulnerabilityId?: string;
  @ApiPropertyOptional({ example: 'contact-form-7' }) wpSlug?: string;
  @ApiPropertyOptional() pluginId?: string;
  @ApiPropertyOptional() version?: string;
  @ApiPropertyOptional({ description: 'The value that could not be used (a range label, a version)' })
  value?: string;
}

export class ImportReportResponseDto {
  @ApiProperty({ example: 31250, description: 'Records in the feed' }) recordsRead!: number;
  @ApiProperty({ example: 4, description: 'Records about catalogue plugins' }) recordsMatched!: number;
  @ApiProperty({ example: 1 }) pluginsChanged!: number;
  @ApiProperty({ type: [VersionChangeResponseDto] }) changes!: VersionChangeResponseDto[];
  @ApiProperty({ type: [ImportSkipResponseDto] }) skipped!: ImportSkipResponseDto[];
  @ApiProperty(LINKS) _links!: Links;
}
