import { Body, Controller, Get, HttpCode, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Consumes, Ctx, Public, Role, Roles, uploadErrorsInterceptor, UploadLimit } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { fxError, FxErrorCode } from './errors';
import { FX_FILE_MAX_BYTES, FxService } from './fx.service';
import { FX_SOURCES } from './parsers';
import type { FxSource } from './parsers';

/** FX file uploads: the kernel's upload edge with FX's codes. */
export const FxUploadErrorsInterceptor = uploadErrorsInterceptor(
  {
    tooLarge: (limit) => fxError(FxErrorCode.FILE_TOO_LARGE, { limit }),
    rejected: () => fxError(FxErrorCode.UPLOAD_REJECTED),
  },
  () => FX_FILE_MAX_BYTES,
);

class ImportDto {
  @ApiProperty({ enum: FX_SOURCES, description: 'ecb: ECB reference rates XML (daily or history); cbr: Bank of Russia XML_daily; tcmb: TCMB today.xml' })
  @IsIn(FX_SOURCES)
  source: FxSource;
}

class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FX_SOURCES }) source: string;
  @ApiProperty({ description: 'SHA-256 of the file: the same file again is this import.' }) fileSha256: string;
  @ApiProperty({ example: 'reference', description: '`reference` (ECB, CBR) or the TCMB column taken (`ForexBuying`).' }) rateKind: string;
  @ApiProperty({ example: '2026-07-06' }) firstRateDate: string;
  @ApiProperty({ example: '2026-10-02' }) lastRateDate: string;
  @ApiProperty({ type: [String], description: 'One snapshot per rate date in the file, newest first.' }) snapshotIds: string[];
  @ApiProperty({ description: 'Snapshots this import created (0 for a duplicate).' }) newSnapshots: number;
  @ApiProperty({ type: [String], description: 'Currencies in the file without a usable rate (TCMB empty fields).' }) skipped: string[];
  @ApiProperty() fetchedAt: string;
  @ApiProperty({ description: 'True when the same file was imported before (answer 200, nothing changed).' }) duplicate: boolean;
}

class SnapshotsQuery extends BaseQueryDto {
  @ApiPropertyOptional({ enum: FX_SOURCES }) @IsOptional() @IsIn(FX_SOURCES) source?: FxSource;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

class SnapshotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FX_SOURCES }) source: string;
  @ApiProperty({ example: 'EUR' }) pivot: string;
  @ApiProperty({ example: 'reference' }) rateKind: string;
  @ApiProperty({ example: '2026-10-02' }) rateDate: string;
  @ApiProperty() fetchedAt: string;
  @ApiProperty() currencyCount: number;
  @ApiProperty({ type: [String] }) currencies: string[];
  @ApiProperty() fileSha256: string;
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ description: 'TARGET working days since the rate date.' }) ageTargetDays: number;
  @ApiProperty({ description: 'Older than FX_MAX_AGE_TARGET_DAYS.' }) stale: boolean;
}

class FreshnessView {
  @ApiProperty({ enum: FX_SOURCES }) source: string;
  @ApiProperty({ nullable: true, type: String }) snapshotId: string | null;
  @ApiProperty({ nullable: true, type: String }) rateDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) ageTargetDays: number | null;
  @ApiProperty({ description: 'No snapshot yet, or older than FX_MAX_AGE_TARGET_DAYS.' }) stale: boolean;
}

class SnapshotsView {
  @ApiProperty() maxAgeTargetDays: number;
  @ApiProperty({ type: [FreshnessView] }) freshness: FreshnessView[];
  @ApiProperty({ type: [SnapshotView] }) snapshots: SnapshotView[];
}

@ApiTags('ops')
@Controller({ path: 'ops/fx', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsFxController {
  constructor(private readonly fx: FxService) {}

  @Post('imports')
  @HttpCode(201)
  @Roles(Role.OPS_ADMIN)
  @Consumes('multipart/form-data')
  @UseInterceptors(FxUploadErrorsInterceptor, FileInterceptor('file', { limits: { fileSize: FX_FILE_MAX_BYTES, files: 1, fields: 2 } }))
  @UploadLimit(FX_FILE_MAX_BYTES)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['source', 'file'], properties: { source: { enum: [...FX_SOURCES] }, file: { type: 'string', format: 'binary', description: 'eurofxref-daily.xml / eurofxref-hist-90d.xml, XML_daily.asp, today.xml' } } } })
  @ApiOperation({ summary: 'Import an official FX file into immutable snapshots (one per rate date); the same file again changes nothing (audited)' })
  @ApiCreatedResponse({ type: ImportView, description: 'Imported.' })
  @ApiOkResponse({ type: ImportView, description: 'The same file was imported before; that import is returned.' })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, FxErrorCode.FILE_FORMAT, FxErrorCode.FILE_MISSING, FxErrorCode.FILE_TOO_LARGE, FxErrorCode.UPLOAD_REJECTED)
  async import(@Ctx() ctx: RequestContext, @Body() body: ImportDto, @Res({ passthrough: true }) res: Response, @UploadedFile() file?: { buffer: Buffer }) {
    if (!file) throw fxError(FxErrorCode.FILE_MISSING);
    const result = await this.fx.import(ctx, { source: body.source, file: file.buffer, origin: 'upload' });
    if (result.duplicate) res.status(200);
    return result;
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'FX snapshots, newest first, and the freshness of each source' })
  @ApiOkResponse({ type: SnapshotsView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  snapshots(@Query() query: SnapshotsQuery) {
    return this.fx.snapshots({ source: query.source, limit: query.limit ?? 50 });
  }
}

class RateQuery extends BaseQueryDto {
  @ApiProperty({ example: 'TRY', description: 'ISO 4217 code' }) @Matches(/^[A-Z]{3}$/) from: string;
  @ApiProperty({ example: 'RUB', description: 'ISO 4217 code' }) @Matches(/^[A-Z]{3}$/) to: string;
  @ApiProperty({ enum: FX_SOURCES, description: 'The one source the rate comes from (never mixed).' }) @IsIn(FX_SOURCES) source: FxSource;
  @ApiPropertyOptional({ example: '2026-10-02', description: 'The latest snapshot on or before this date; default: the latest.' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  date?: string;
}

class RateView {
  @ApiProperty({ example: 'TRY' }) from: string;
  @ApiProperty({ example: 'RUB' }) to: string;
  @ApiProperty({ example: '1.65788', description: '1 `from` in `to`, 12 significant digits (display); exact value: numerator / denominator.' }) rate: string;
  @ApiProperty({ example: '16.5788', description: 'Exact decimal string.' }) numerator: string;
  @ApiProperty({ example: '10', description: 'Exact decimal string.' }) denominator: string;
  @ApiProperty({ type: [String], example: ['TRY', 'RUB'], description: "Direct against the source's pivot, or through it (['TRY','EUR','USD'] at the ECB)." }) path: string[];
  @ApiProperty({ enum: FX_SOURCES }) source: string;
  @ApiProperty({ example: 'reference' }) rateKind: string;
  @ApiProperty({ example: '2026-10-02', description: 'The rate date of the snapshot.' }) asOf: string;
  @ApiProperty() fetchedAt: string;
  @ApiProperty({ format: 'uuid', description: 'Store it with any price computed from this rate.' }) snapshotId: string;
  @ApiProperty({ description: 'TARGET working days since asOf.' }) ageTargetDays: number;
}

@ApiTags('fx')
@Controller({ path: 'fx', version: '1' })
@Public()
export class FxRatesController {
  constructor(private readonly fx: FxService) {}

  @Get('rates')
  @ApiOperation({ summary: "The rate between two currencies from one source's latest snapshot, with its path through the source's pivot" })
  @ApiOkResponse({ type: RateView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, FxErrorCode.NO_SNAPSHOT, FxErrorCode.RATE_UNAVAILABLE)
  rate(@Query() query: RateQuery) {
    return this.fx.lookupRate({ from: query.from, to: query.to, source: query.source, date: query.date });
  }
}
