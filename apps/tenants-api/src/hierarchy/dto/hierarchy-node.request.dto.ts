import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Trim } from '@bbws/platform-http';

/** Names: 1-100 characters, no control characters; unique among siblings, case-insensitively. */
const NODE_NAME = /^[^\p{Cc}]+$/u;

export class CreateHierarchyNodeRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Sales' })
  @Trim()
  @IsString()
  @Length(1, 100)
  @Matches(NODE_NAME, { message: 'name must not contain control characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateHierarchyNodeRequestDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  @Matches(NODE_NAME, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null clears it' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class DeleteHierarchyNodeQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Also delete everything under it (and its team assignments)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  cascade?: 'true' | 'false';
}
