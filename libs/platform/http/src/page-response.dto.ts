import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Links, PageResponse } from '@bbws/shared-hateoas';

/**
 * The OpenAPI description of a page of `item` as presentPage answers it (OpenAPI only). A list's DTO extends
 * it, which names its schema: `export class TenantListResponseDto extends PageResponseDto(TenantResponseDto) {}`.
 */
export function PageResponseDto<T>(item: Type<T>): Type<PageResponse<T>> {
  class PageOfItems implements PageResponse<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: 'Items on this page' }) count!: number;
    @ApiProperty() moreAvailable!: boolean;
    @ApiProperty({ nullable: true, type: String, description: 'Opaque cursor for startAt' })
    nextStartAt!: string | null;
    @ApiProperty({
      type: 'object',
      additionalProperties: true,
      description: '`self`, and `next` when more are available',
    })
    _links!: Links;
  }
  return PageOfItems;
}
