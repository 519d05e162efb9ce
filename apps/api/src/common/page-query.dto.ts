import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, type PageQuery } from '@helpdesk/shared/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable, QueryInteger } from './request-fields';

/** The last page whose offset is still a safe integer at the largest page size. */
export const PAGE_MAX = Math.floor(Number.MAX_SAFE_INTEGER / PAGE_SIZE_MAX);

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 1 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page = 1;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_SIZE_MAX,
    default: PAGE_SIZE_DEFAULT,
  })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize = PAGE_SIZE_DEFAULT;
}

export function pageOffset({ page, pageSize }: PageQueryDto): number {
  return (page - 1) * pageSize;
}
