import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Role, Roles } from '@app/kernel';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';

export class AuditQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ example: 'country.published' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ example: 'account' }) @IsOptional() @IsString() @MaxLength(50) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) targetId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorAccountId?: string;
  @ApiPropertyOptional({ description: 'Only entries before this instant (ISO 8601), for paging.' })
  @IsOptional() @IsISO8601({ strict: true }) before?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, format: 'uuid' }) actorAccountId: string | null;
  @ApiProperty({ example: 'ops_admin' }) actorRole: string;
  @ApiProperty({ example: 'account.created' }) action: string;
  @ApiProperty({ example: 'account' }) targetType: string;
  @ApiProperty() targetId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes: Record<string, unknown>;
  @ApiProperty() requestId: string;

  static of(e: AuditEntryEntity): AuditEntryView {
    return Object.assign(new AuditEntryView(), { ...e, occurredAt: e.occurredAt.toISOString() });
  }
}

@ApiTags('ops')
@Controller({ path: 'ops/audit', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit log of ops changes, newest first' })
  @ApiOkResponse({ type: [AuditEntryView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  async list(@Query() q: AuditQueryDto): Promise<AuditEntryView[]> {
    const entries = await this.audit.list({ ...q, before: q.before ? new Date(q.before) : undefined, limit: q.limit ?? 50 });
    return entries.map(AuditEntryView.of);
  }
}
