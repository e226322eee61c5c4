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
