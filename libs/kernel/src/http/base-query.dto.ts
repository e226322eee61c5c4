import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query DTOs extend this so the global `?lang=` parameter is not rejected as an unknown field. */
export class BaseQueryDto {
  @ApiPropertyOptional({ description: 'Response language (en, ru, tr, it, es); overrides Accept-Language.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  lang?: string;
}

/**
 * Largest `offset` a listing accepts. Query integers are bounded so that no number reaching SQL
 * can overflow PostgreSQL's bigint (a 400 with a field detail instead of COMMON_INVALID_VALUE).
 */
export const MAX_QUERY_OFFSET = 1_000_000_000;
