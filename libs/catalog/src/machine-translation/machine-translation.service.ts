import { Inject, Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CLOCK, parseContentLocale } from '@app/kernel';
import type { AppConfig, Clock, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { catalogError, CatalogErrorCode } from '../errors';
import { checkProblem } from '../products/checks';
import { ProductTranslationEntity } from '../products/product.entity';
import { ProductsService } from '../products/products.service';
import { sourceFields } from '../products/source-fields';
import { translationProblem, TranslationsService, TranslationsView, writeTranslation } from '../products/translations.service';
import { DeeplMachineTranslation } from './deepl.adapter';
import { MACHINE_TRANSLATION, NoMachineTranslation } from './port';
import type { MachineTranslator } from './port';

/** Chooses the adapter from MT_PROVIDER (`none` unless ops configure one). */
export function machineTranslationFactory(config: AppConfig): MachineTranslator {
  return config.mt.provider === 'deepl' && config.mt.deepl ? new DeeplMachineTranslation(config.mt.deepl) : new NoMachineTranslation();
}

export const MACHINE_SKIP_REASONS = ['legal', 'source_changed', 'translated_meanwhile', 'protected_token_lost'] as const;
export type MachineSkipReason = (typeof MACHINE_SKIP_REASONS)[number];

export class MachineSkippedView {
  @ApiProperty({ example: 'safetyInformation' }) field: string;
  @ApiProperty({
    enum: MACHINE_SKIP_REASONS,
    description:
      'legal: a legal text (safety information) is never machine-translated; source_changed: the source was edited during the translation; translated_meanwhile: someone wrote a current translation meanwhile; protected_token_lost: a do-not-translate term did not come back verbatim',
  })
  reason: MachineSkipReason;
}

export class MachineFillView {
  @ApiProperty({ example: 'it' }) locale: string;
  @ApiProperty({ enum: ['deepl'] }) provider: string;
  @ApiProperty({ type: [String], example: ['title', 'attributes.material'], description: 'Fields written with status machine and the current sourceHash' }) filled: string[];
  @ApiProperty({ type: [MachineSkippedView] }) skipped: MachineSkippedView[];
  @ApiProperty({ type: TranslationsView }) translations: TranslationsView;
}

/**
 * Fills a product's missing or outdated translations in one locale by machine translation: status
 * `machine`, the current sourceHash. Legal fields are never sent. The engine is called OUTSIDE any
 * transaction; the write then re-checks, under the product lock, that each source text is still the
 * one translated and that no current translation appeared meanwhile (a human one is never replaced).
 */
@Injectable()
export class MachineTranslationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductsService,
    private readonly translations: TranslationsService,
    @Inject(MACHINE_TRANSLATION) private readonly mt: MachineTranslator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async fill(ctx: RequestContext, productId: string, rawLocale: string): Promise<MachineFillView> {
    if (this.mt.provider === 'none') throw catalogError(CatalogErrorCode.MT_NOT_CONFIGURED);
    const locale = parseContentLocale(rawLocale);
    const { product, variants } = await this.products.owned(ctx, productId, this.uow.reader);
    if (!locale) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, [checkProblem('locale', 'INVALID_LOCALE', { value: rawLocale.slice(0, 35) })]);
    if (locale === product.sourceLocale) throw catalogError(CatalogErrorCode.TRANSLATION_INVALID, {}, [translationProblem('locale', 'SOURCE_LOCALE', { value: locale })]);
    const source = parseContentLocale(product.sourceLocale)!;
    const pair = this.mt.supports(source, locale);
    if (!pair.ok) throw catalogError(CatalogErrorCode.MT_LOCALE_UNSUPPORTED, { locale: pair.side === 'source' ? source : locale });

    const existing = new Map(
      (await this.uow.reader.find(ProductTranslationEntity, { where: { productId: product.id, locale } })).map((r) => [r.field, r]),
    );
    const fields = sourceFields(product, variants);
    const skipped: MachineSkippedView[] = [];
    const todo = fields.filter((f) => {
      const current = existing.get(f.field)?.sourceHash === f.sourceHash;
      if (f.legal && !current) skipped.push({ field: f.field, reason: 'legal' });
      return !f.legal && !current;
    });

    let texts: (string | null)[] = [];
    if (todo.length) {
      // the product's brand (declared in the seller's business profile) is the glossary term; sizes, numbers with units and percentages are protected by pattern
      const doNotTranslate = product.brand ? [product.brand] : [];
      const result = await this.mt.translate({ source, target: locale, texts: todo.map((f) => f.value), doNotTranslate });
      if (!result.ok) throw catalogError(CatalogErrorCode.MT_PROVIDER_FAILED, { reason: { t: `catalog.mt.failure.${result.failure}` } });
      texts = result.texts;
    }

    return this.uow.run(async (tx) => {
      const now = await this.products.owned(ctx, product.id, tx, true);
      const live = new Map(sourceFields(now.product, now.variants).map((f) => [f.field, f]));
      const rows = new Map((await tx.find(ProductTranslationEntity, { where: { productId: product.id, locale } })).map((r) => [r.field, r]));
      const filled: string[] = [];
      for (const [i, f] of todo.entries()) {
        const still = live.get(f.field);
        if (!still || still.sourceHash !== f.sourceHash) skipped.push({ field: f.field, reason: 'source_changed' });
        else if (rows.get(f.field)?.sourceHash === f.sourceHash) skipped.push({ field: f.field, reason: 'translated_meanwhile' });
        else if (texts[i] === null || !texts[i]!.trim()) skipped.push({ field: f.field, reason: 'protected_token_lost' });
        else {
          await writeTranslation(tx, { productId: product.id, locale, field: f.field, value: texts[i]!, status: 'machine', sourceHash: f.sourceHash, by: ctx.actor?.accountId ?? null, at: this.clock.now() });
          filled.push(f.field);
        }
      }
      return { locale, provider: this.mt.provider, filled, skipped, translations: await this.translations.view(tx, product.id, now.product.sourceLocale, [...live.values()]) };
    });
  }
}
