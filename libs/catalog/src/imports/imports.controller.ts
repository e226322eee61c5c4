import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Consumes, Ctx, Role, Roles, uploadErrorsInterceptor, UploadLimit } from '@app/kernel';
import type { Locale, RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { catalogError, CatalogErrorCode } from '../errors';
import { MarketCodePipe } from '../markets/markets.controller';
import { IMPORT_ENCODINGS } from './csv-format';
import type { ImportEncoding } from './csv-format';
import { IMPORT_MAX_BYTES, ImportPageView, ImportsService, ProductImportView } from './imports.service';
import { ListingsExportService } from './listings-export';

/** Catalog imports: the kernel's upload edge with the catalog's codes. */
export const ImportUploadErrorsInterceptor = uploadErrorsInterceptor(
  {
    tooLarge: (limit) => catalogError(CatalogErrorCode.IMPORT_FILE_TOO_LARGE, { limit }),
    rejected: () => catalogError(CatalogErrorCode.IMPORT_UPLOAD_REJECTED),
  },
  () => IMPORT_MAX_BYTES,
);

class StartImportDto {
  @ApiPropertyOptional({
    enum: IMPORT_ENCODINGS,
    description: "Used only when the file has no BOM and is not valid UTF-8; default: the code page of the seller's country (RU, KZ… windows-1251; TR windows-1254; others windows-1252)",
  })
  @IsOptional()
  @IsIn(IMPORT_ENCODINGS)
  encoding?: ImportEncoding;
}

class ImportsQuery extends BaseQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number;
}

const DELIMITER_NAMES = ['comma', 'semicolon'] as const;
class CsvQuery extends BaseQueryDto {
  @ApiPropertyOptional({ enum: DELIMITER_NAMES, description: 'Default: semicolon for ru, tr, it, es (their spreadsheets expect it), comma for en' })
  @IsOptional()
  @IsIn(DELIMITER_NAMES)
  delimiter?: (typeof DELIMITER_NAMES)[number];
}

/** The list separator of spreadsheets in the caller's language: `;` where the decimal separator is a comma. */
const delimiterOf = (q: CsvQuery, locale: Locale): ',' | ';' => (q.delimiter ? (q.delimiter === 'comma' ? ',' : ';') : locale === 'en' ? ',' : ';');

const csvFile = ({ stream, fileName }: { stream: NodeJS.ReadableStream; fileName: string }) =>
  new StreamableFile(stream as never, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });

@ApiTags('catalog')
@Controller({ path: 'sellers/me/products/imports', version: '1' })
@Roles(Role.SELLER)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @Consumes('multipart/form-data')
  @UseInterceptors(ImportUploadErrorsInterceptor, FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2 } }))
  @UploadLimit(IMPORT_MAX_BYTES)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'CSV, one row per variant (columns: see README, example: docs/examples/products-import.csv)' }, encoding: { enum: [...IMPORT_ENCODINGS] } },
    },
  })
  @ApiOperation({ summary: 'Import products from CSV (UTF-8, windows-1251/1254; `,` or `;`): upsert by SKU, processed by the worker; errors per row in errors.csv' })
  @ApiAcceptedResponse({ type: ProductImportView, description: 'Queued (status WAITING).' })
  @ApiErrors(
    CommonErrorCode.VALIDATION_FAILED,
    CatalogErrorCode.IMPORT_FILE_MISSING,
    CatalogErrorCode.IMPORT_FILE_TOO_LARGE,
    CatalogErrorCode.IMPORT_NOT_CSV,
    CatalogErrorCode.IMPORT_HEADER_INVALID,
    CatalogErrorCode.IMPORT_UPLOAD_REJECTED,
    SellerErrorCode.SELLER_NOT_FOUND,
  )
  start(@Ctx() ctx: RequestContext, @Body() body: StartImportDto, @UploadedFile() file?: { buffer: Buffer; originalname?: string }): Promise<ProductImportView> {
    if (!file) throw catalogError(CatalogErrorCode.IMPORT_FILE_MISSING);
    return this.imports.start(ctx, file, body.encoding);
  }

  @Get()
  @ApiOperation({ summary: "The caller's imports, newest first" })
  @ApiOkResponse({ type: ImportPageView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, SellerErrorCode.SELLER_NOT_FOUND)
  list(@Ctx() ctx: RequestContext, @Query() q: ImportsQuery): Promise<ImportPageView> {
    return this.imports.list(ctx, q.limit ?? 20, q.offset ?? 0);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One import: status and counts {read, created, updated, unchanged, failed}' })
  @ApiOkResponse({ type: ProductImportView })
  @ApiErrors(CatalogErrorCode.IMPORT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProductImportView> {
    return this.imports.get(ctx, id);
  }

  @Get(':id/errors.csv')
  @ApiOperation({ summary: "The import's error file: row, column, sku, code and a message in the caller's language (formula-safe cells)" })
  // the CSV is the success body only: errors stay JSON envelopes (no @ApiProduces, which would claim them as CSV)
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.IMPORT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  async errors(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() q: CsvQuery): Promise<StreamableFile> {
    return csvFile(await this.imports.errorsCsv(ctx, id, delimiterOf(q, ctx.locale)));
  }
}

@ApiTags('catalog')
@Controller({ path: 'sellers/me/listings', version: '1' })
@Roles(Role.SELLER)
export class ListingsExportController {
  constructor(private readonly exports: ListingsExportService) {}

  @Get(':market.csv')
  @ApiOperation({ summary: "The caller's listings in a market as CSV, one line per variant: title in the market's language, market price, readiness, blocking codes (streamed; formula-safe cells)" })
  // the CSV is the success body only: errors stay JSON envelopes (no @ApiProduces, which would claim them as CSV)
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.MARKET_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  async csv(@Ctx() ctx: RequestContext, @Param('market', MarketCodePipe) market: string, @Query() q: CsvQuery): Promise<StreamableFile> {
    return csvFile(await this.exports.csv(ctx, market, delimiterOf(q, ctx.locale)));
  }
}
