import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '@bbws/shared-hateoas';

/** `pageSize` (1-100, default 20) and the opaque `startAt` cursor; list DTOs extend it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (nextStartAt)' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  startAt?: string;
}

export function pageRequest(query: PageQueryDto): PageRequest {
  return {
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    ...(query.startAt ? { startAt: query.startAt } : {}),
  };
}
