import { ApiProperty } from '@nestjs/swagger';
import {
  BACKUP_REASONS,
  BACKUP_STATUSES,
  type BackupReason,
  type BackupStatus,
} from '@bbws/data-access-sites';
import type { Links } from '@bbws/shared-hateoas';

export class BackupManifestResponseDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Rows per table' })
  tables!: Record<string, number>;
  @ApiProperty({ description: 'Upload files in the archive' }) uploads!: number;
}

export class BackupResponseDto {
  @ApiProperty({ example: 'bkp-7f1c2a9e-5b7d-4c1e-9a55-2f3b8c9d0e1f' }) backupId!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ enum: BACKUP_STATUSES }) status!: BackupStatus;
  @ApiProperty({ enum: BACKUP_REASONS }) reason!: BackupReason;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hex SHA-256 of the archive' }) sha256!:
    string | null;
  @ApiProperty({ nullable: true, type: BackupManifestResponseDto })
  manifest!: BackupManifestResponseDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'The BACKUP operation that made it' })
  operationId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When retention removes it; null: kept until deleted',
  })
  expiresAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '`self`, `site`; `restore` (COMPLETED, ADMIN), `delete` (finished, ADMIN)',
  })
  _links!: Links;
}

export class BackupListResponseDto {
  @ApiProperty({ type: [BackupResponseDto] }) items!: BackupResponseDto[];
  @ApiProperty() count!: number;
  @ApiProperty() moreAvailable!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Opaque cursor for startAt' })
  nextStartAt!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '`self`, `next`, `create` (ADMIN)',
  })
  _links!: Links;
}
