import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE } from './validators';

/** `?page=&pageSize=` of a list paged by number only; a list's query DTO extends it with its filters. */
export class PageNumberQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize = 20;
}

/** A page number, or for deep pages the `after` cursor of a keyset-paged list (see paging.ts). */
export class PageQueryDto extends PageNumberQueryDto {
  /** A previous page's nextCursor: the page after it (`page` is then ignored); an empty one means none. */
  @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value)) @IsString() @MaxLength(1000) after?: string;
}
