import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CLOCK, parseContentLocale } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { checkProblem } from './checks';
import type { PutTranslationsDto } from './dto';
import { ProductTranslationEntity } from './product.entity';
import { ProductsService } from './products.service';
import { maxLengthOf, SourceField, sourceFields } from './source-fields';

export class SourceFieldView {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ example: 'Güneş Kadın Elbise XL 100% pamuk' }) value: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the value: send it back with a translation of this field' }) sourceHash: string;
  @ApiProperty({ description: 'A legal text: shown only in the language it is written in, never as a fallback' }) legal: boolean;
}

export class TranslatedFieldView {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty() value: string;
  @ApiProperty({ enum: ['machine', 'translated', 'reviewed'] }) status: string;
  @ApiProperty({ description: 'The source hash the translation was made from' }) sourceHash: string;
  @ApiProperty({ description: 'True when the source text changed after this translation was written' }) outdated: boolean;
  @ApiProperty() updatedAt: string;
}

export class LocaleTranslationsView {
  @ApiProperty({ example: 'it' }) locale: string;
  @ApiProperty({ type: [TranslatedFieldView] }) fields: TranslatedFieldView[];
}

export class TranslationsView {
  @ApiProperty() productId: string;
  @ApiProperty({ example: 'tr' }) sourceLocale: string;
  @ApiProperty({ type: [SourceFieldView] }) source: SourceFieldView[];
  @ApiProperty({ type: [LocaleTranslationsView] }) translations: LocaleTranslationsView[];
}

/**
 * Per-field translations of a product (Shopify digest semantics): a write names, for each field, the
 * source hash it was translated from, and is refused (409) when the source moved on since; a stored
 * translation whose hash differs from the current source is `outdated`.
 */
@Injectable()
export class TranslationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, productId: string): Promise<TranslationsView> {
    const { product, variants } = await this.products.owned(ctx, productId, this.uow.reader);
    const source = sourceFields(product, variants);
    const rows = await this.uow.reader.find(ProductTranslationEntity, { where: { productId: product.id }, order: { locale: 'ASC', field: 'ASC' } });
    return { productId: product.id, sourceLocale: product.sourceLocale, source, translations: group(rows, source) };
  }

  async put(ctx: RequestContext, productId: string, rawLocale: string, body: PutTranslationsDto): Promise<TranslationsView> {
    const locale = parseContentLocale(rawLocale);
    return this.uow.run(async (tx) => {
      // the product row is locked: a source edit and a translation write cannot interleave
      const { product, variants } = await this.products.owned(ctx, productId, tx, true);
      if (!locale) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, [checkProblem('locale', 'INVALID_LOCALE', { value: rawLocale.slice(0, 35) })]);
      if (locale === product.sourceLocale) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, [translationProblem('locale', 'SOURCE_LOCALE', { value: locale })]);
      const source = new Map(sourceFields(product, variants).map((f) => [f.field, f]));
      const problems: ErrorDetail[] = [];
      const seen = new Set<string>();
      body.fields.forEach((f, i) => {
        if (!source.has(f.field)) problems.push(translationProblem(`fields[${i}].field`, 'UNKNOWN_FIELD', { value: f.field }));
        if (seen.has(f.field)) problems.push(translationProblem(`fields[${i}].field`, 'DUPLICATE_FIELD', { value: f.field }));
        seen.add(f.field);
        if (!f.value.trim()) problems.push(checkProblem(`fields[${i}].value`, 'BLANK'));
        else if ([...f.value].length > maxLengthOf(f.field)) {
          problems.push({ field: `fields[${i}].value`, code: 'TOO_LONG', messageKey: 'validation.TOO_LONG', params: { field: `fields[${i}].value`, max: maxLengthOf(f.field) } });
        }
      });
      if (problems.length) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, problems);
      const stale = body.fields.flatMap((f, i) =>
        source.get(f.field)!.sourceHash === f.sourceHash ? [] : [translationProblem(`fields[${i}].sourceHash`, 'SOURCE_CHANGED', { value: f.field })],
      );
      if (stale.length) throw catalogError(CatalogErrorCode.TRANSLATION_SOURCE_CHANGED, {}, stale);
      const now = this.clock.now();
      for (const f of body.fields) {
        await tx.query(
          `INSERT INTO catalog_product_translations (id, product_id, locale, field, value, status, source_hash, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (product_id, locale, field) DO UPDATE
             SET value = EXCLUDED.value, status = EXCLUDED.status, source_hash = EXCLUDED.source_hash,
                 updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
          [randomUUID(), product.id, locale, f.field, f.value, f.status ?? 'translated', f.sourceHash, ctx.actor?.accountId ?? null, now],
        );
      }
      const rows = await tx.find(ProductTranslationEntity, { where: { productId: product.id }, order: { locale: 'ASC', field: 'ASC' } });
      const current = [...source.values()];
      return { productId: product.id, sourceLocale: product.sourceLocale, source: current, translations: group(rows, current) };
    });
  }

  async remove(ctx: RequestContext, productId: string, rawLocale: string): Promise<void> {
    const locale = parseContentLocale(rawLocale);
    await this.uow.run(async (tx) => {
      const { product } = await this.products.owned(ctx, productId, tx, true);
      if (!locale) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, [checkProblem('locale', 'INVALID_LOCALE', { value: rawLocale.slice(0, 35) })]);
      await tx.delete(ProductTranslationEntity, { productId: product.id, locale });
    });
  }
}

const translationProblem = (field: string, code: 'SOURCE_LOCALE' | 'UNKNOWN_FIELD' | 'DUPLICATE_FIELD' | 'SOURCE_CHANGED', params: Record<string, string>): ErrorDetail => ({
  field,
  code,
  messageKey: `catalog.translation.${code}`,
  params: { field, ...params },
});

function group(rows: ProductTranslationEntity[], source: SourceField[]): LocaleTranslationsView[] {
  const hashes = new Map(source.map((f) => [f.field, f.sourceHash]));
  const byLocale = new Map<string, TranslatedFieldView[]>();
  for (const r of rows) {
    const list = byLocale.get(r.locale) ?? [];
    list.push({ field: r.field, value: r.value, status: r.status, sourceHash: r.sourceHash, outdated: hashes.get(r.field) !== r.sourceHash, updatedAt: r.updatedAt.toISOString() });
    byLocale.set(r.locale, list);
  }
  return [...byLocale.entries()].map(([locale, fields]) => ({ locale, fields }));
}
