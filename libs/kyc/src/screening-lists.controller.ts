import { Body, Controller, Get, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiErrors, CommonErrorCode, Consumes, Ctx, Role, Roles, UploadLimit } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { KycErrorCode, LIST_SOURCES, ScreeningErrorCode } from './codes';
import type { ListSource } from './codes';
import { kycError } from './errors';
import { UploadErrorsInterceptor } from './upload-errors';
import { ScreeningListsService } from './screening-lists.service';

/** Sanctions lists are large (the EU consolidated XML is tens of MB). */
const LIST_MAX_BYTES = 200 * 1024 * 1024;

class LoadListDto {
  @ApiProperty({ enum: LIST_SOURCES }) @IsIn(LIST_SOURCES) source: ListSource;
  @ApiProperty({ example: '2026-11-20', description: 'The version label (e.g. the publication date).' }) @IsString() @Matches(/^[\w.:-]{1,100}$/) label: string;
}

class LoadedListView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LIST_SOURCES }) source: string;
  @ApiProperty({ example: '2026-11-20' }) label: string;
  @ApiProperty({ example: 20817 }) entryCount: number;
  @ApiProperty({ description: 'SHA-256 of the file (and alias file): the same bytes again re-screen nobody.' }) sha256: string;
}

class ScreeningListView extends LoadedListView {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'The ops account that loaded it.' }) loadedBy: string | null;
  @ApiProperty() loadedAt: string;
}

@ApiTags('ops')
@Controller({ path: 'ops/screening-lists', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class ScreeningListsController {
  constructor(private readonly lists: ScreeningListsService) {}

  @Get()
  @ApiOperation({ summary: 'Loaded sanctions-list versions, newest first' })
  @ApiOkResponse({ type: [ScreeningListView] })
  list() {
    return this.lists.list();
  }

  @Post()
  @HttpCode(201)
  @Roles(Role.OPS_ADMIN)
  @Consumes('multipart/form-data')
  @UseInterceptors(UploadErrorsInterceptor, FileFieldsInterceptor([{ name: 'file', maxCount: 1 }, { name: 'aliases', maxCount: 1 }], { limits: { fileSize: LIST_MAX_BYTES, files: 2 } }))
  @UploadLimit(LIST_MAX_BYTES, 2)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['source', 'label', 'file'], properties: { source: { enum: [...LIST_SOURCES] }, label: { type: 'string' }, file: { type: 'string', format: 'binary', description: 'OFAC SDN.CSV, EU consolidated XML or UN consolidated XML' }, aliases: { type: 'string', format: 'binary', description: 'OFAC ALT.CSV' } } } })
  @ApiOperation({ summary: 'Load a sanctions list version (OFAC SDN CSV + aliases, EU or UN consolidated XML); re-screens approved sellers (audited)' })
  @ApiCreatedResponse({ type: LoadedListView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, ScreeningErrorCode.LIST_FORMAT, ScreeningErrorCode.LIST_EMPTY, KycErrorCode.FILE_MISSING, KycErrorCode.FILE_TOO_LARGE, KycErrorCode.UPLOAD_REJECTED)
  load(@Ctx() ctx: RequestContext, @Body() body: LoadListDto, @UploadedFiles() files: { file?: { buffer: Buffer }[]; aliases?: { buffer: Buffer }[] }) {
    const file = files?.file?.[0];
    if (!file) throw kycError(KycErrorCode.FILE_MISSING);
    return this.lists.load(ctx, { source: body.source, label: body.label, file: file.buffer, aliases: files.aliases?.[0]?.buffer });
  }
}

class ScreeningCheckDto {
  @ApiProperty({ example: 'Aleksandr Shcherbatykh', description: 'Any script; word order and transliteration do not matter.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString() @IsNotEmpty() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional({ enum: ['person', 'entity'], default: 'person' }) @IsOptional() @IsIn(['person', 'entity']) kind?: 'person' | 'entity';
  @ApiPropertyOptional({ example: '1971-02-14', description: 'A person’s birth date: a tie-breaker against listed birth dates.' })
  @IsOptional() @Matches(/^[1-9]\d{3}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) birthDate?: string;
  @ApiPropertyOptional({ example: 'RU', description: 'Recorded with the look-up (the loaded lists carry no nationality to compare it with).' }) @IsOptional() @IsISO31661Alpha2() nationality?: string;
}

class ScreeningHitView {
  @ApiProperty({ example: '36001' }) entryId: string;
  @ApiProperty({ enum: LIST_SOURCES }) source: string;
  @ApiProperty({ example: 'SHCHERBATYKH, Aleksandr Yurievich' }) matchedName: string;
  @ApiProperty({ example: 0.97 }) score: number;
  @ApiProperty({ example: 'exact' }) strength: string;
  @ApiProperty({ enum: ['hit', 'review'] }) decision: string;
}

class ScreeningCheckView {
  @ApiProperty({ format: 'uuid', description: 'The look-up’s id in the audit log (targetType screening_check).' }) id: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) subject: object;
  @ApiProperty({ enum: ['hit', 'review', 'clear'], description: '`review` also when no list is loaded (nothing can be cleared).' }) decision: string;
  @ApiProperty({ example: 'ofac_sdn@2026-11-20', description: '`none` when no list is loaded.' }) listVersion: string;
  @ApiProperty({ description: 'Whether nationality changed the result (the loaded lists carry none).' }) nationalityUsed: boolean;
  @ApiProperty({ type: [ScreeningHitView] }) hits: ScreeningHitView[];
}

@ApiTags('ops')
@Controller({ path: 'ops/screening', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsScreeningController {
  constructor(private readonly lists: ScreeningListsService) {}

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Screen a name (optional birth date, nationality) against the loaded lists; returns the evidence (audited)' })
  @ApiOkResponse({ type: ScreeningCheckView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  check(@Ctx() ctx: RequestContext, @Body() body: ScreeningCheckDto) {
    return this.lists.check(ctx, {
      name: body.name.normalize('NFC'),
      kind: body.kind ?? 'person',
      ...(body.birthDate ? { birthDate: body.birthDate } : {}),
      ...(body.nationality ? { nationality: body.nationality.toUpperCase() } : {}),
    });
  }
}
