import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponseDto } from '@bbws/platform-http';
import type { Links } from '@bbws/shared-hateoas';

export class HierarchyNodeResponseDto {
  @ApiPropertyOptional({ description: 'Teams only' }) teamId?: string;
  @ApiPropertyOptional({ description: 'Groups and teams' }) groupId?: string;
  @ApiProperty() divisionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiPropertyOptional({ description: 'Divisions: number of groups' }) groupCount?: number;
  @ApiPropertyOptional({ description: 'Groups: number of teams' }) teamCount?: number;
  @ApiPropertyOptional({ description: 'Teams: number of members' }) memberCount?: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ description: 'Optimistic-locking version; also the ETag' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}

export class HierarchyNodeListResponseDto extends PageResponseDto(HierarchyNodeResponseDto) {}

export class HierarchyTreeResponseDto {
  @ApiProperty() tenantId!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Divisions with their groups, each with its teams',
  })
  divisions!: Array<
    HierarchyNodeResponseDto & {
      groups: Array<HierarchyNodeResponseDto & { teams: HierarchyNodeResponseDto[] }>;
    }
  >;
  @ApiProperty({ type: 'object', additionalProperties: true }) _links!: Links;
}
